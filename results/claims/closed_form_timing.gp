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
4.0 1.3e-07
8.0 1.4e-07
16.0 1.9e-07
32.0 3.0000000000000004e-07
64.0 6.91e-07
128.0 1.272e-06
256.0 2.5340000000000002e-06
512.0 5.128000000000001e-06
1024.0 1.0485e-05
2048.0 2.6299000000000003e-05
4096.0 0.000199602
EOD
$p0s1 << EOD
2.0 7.71e-07
3.0 1.001e-06
4.0 1.5175000000000003e-06
5.0 2.404e-06
6.0 4.327e-06
7.0 8.253e-06
8.0 1.6044e-05
9.0 3.18475e-05
10.0 6.398100000000001e-05
11.0 0.00012610300000000002
12.0 0.000248175
13.0 0.0004965200000000001
14.0 0.001004647
15.0 0.0020229840000000002
16.0 0.008088953000000001
17.0 0.016249473
18.0 0.033891769
19.0 0.066631022
20.0 0.135452698
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 lc rgb '#1f77b4' pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 lc rgb '#ff7f0e' pt 6 title 'exact'
unset multiplot
