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
2.0 1.2000000000000002e-07
4.0 1.2000000000000002e-07
8.0 1.3e-07
16.0 1.6e-07
32.0 2.91e-07
64.0 6.410000000000001e-07
128.0 1.182e-06
256.0 2.3940000000000003e-06
512.0 4.858000000000001e-06
1024.0 9.945e-06
2048.0 2.4296000000000003e-05
4096.0 0.00018086450000000002
EOD
$p0s1 << EOD
2.0 4.4100000000000004e-07
3.0 6.410000000000001e-07
4.0 1.052e-06
5.0 1.8830000000000002e-06
6.0 3.5450000000000004e-06
7.0 6.97e-06
8.0 1.4607000000000001e-05
9.0 2.7571e-05
10.0 5.59635e-05
11.0 0.00011412
12.0 0.000229036
13.0 0.000465994
14.0 0.000965228
15.0 0.001954232
16.0 0.011971467000000001
17.0 0.035016044
18.0 0.056658202000000005
19.0 0.129087533
20.0 0.24704567400000002
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
