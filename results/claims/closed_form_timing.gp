set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set logscale xy
set format xy '10^{%L}'
set grid
set key top right font ',9'
set xlabel 'K (candidates)'
set ylabel 'median seconds'
set multiplot layout 1,1 title 'Best-candidate game: Shapley values, closed form vs enumeration'
$p0s0 << EOD
2.0 1.3e-07
4.0 1.3e-07
8.0 1.4e-07
16.0 1.61e-07
32.0 2.91e-07
64.0 6.81e-07
128.0 1.2620000000000002e-06
256.0 2.533e-06
512.0 5.047e-06
1024.0 1.0526e-05
2048.0 2.6409e-05
4096.0 0.0001942645
EOD
$p0s1 << EOD
2.0 5.310000000000001e-07
3.0 7.510000000000001e-07
4.0 1.182e-06
5.0 2.0830000000000002e-06
6.0 3.876000000000001e-06
7.0 7.511000000000001e-06
8.0 1.4967500000000002e-05
9.0 3.006e-05
10.0 6.0385e-05
11.0 0.00012253250000000002
12.0 0.00025126900000000004
13.0 0.000509209
14.0 0.0010798890000000001
15.0 0.0021365240000000003
16.0 0.007753473
17.0 0.016755536
18.0 0.038365535000000006
19.0 0.06949807300000001
20.0 0.143933274
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
