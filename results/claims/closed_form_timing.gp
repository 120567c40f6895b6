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
16.0 1.7000000000000001e-07
32.0 3.11e-07
64.0 7.01e-07
128.0 1.3320000000000001e-06
256.0 2.6235000000000004e-06
512.0 5.308000000000001e-06
1024.0 1.1166000000000001e-05
2048.0 2.6149000000000003e-05
4096.0 0.000192291
EOD
$p0s1 << EOD
2.0 5.4e-07
3.0 7.415e-07
4.0 1.1815e-06
5.0 2.0730000000000003e-06
6.0 3.876000000000001e-06
7.0 7.606500000000001e-06
8.0 1.5143e-05
9.0 3.04405e-05
10.0 6.166200000000001e-05
11.0 0.0001245305
12.0 0.00025295700000000005
13.0 0.0005126940000000001
14.0 0.0010432940000000002
15.0 0.0021218720000000003
16.0 0.004306196
17.0 0.008942745
18.0 0.017867313000000003
19.0 0.036163995000000004
20.0 0.07379600800000001
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
