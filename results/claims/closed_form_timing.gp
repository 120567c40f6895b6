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
2.0 1.6e-07
4.0 1.71e-07
8.0 2.0000000000000002e-07
16.0 3.6550000000000004e-07
32.0 5.210000000000001e-07
64.0 1.1520000000000002e-06
128.0 3.817e-06
256.0 8.375e-06
512.0 9.918e-06
1024.0 2.1089e-05
2048.0 9.491700000000001e-05
4096.0 0.00026659300000000003
EOD
$p0s1 << EOD
2.0 7.715e-07
3.0 1.162e-06
4.0 1.9535e-06
5.0 3.5365e-06
6.0 6.7430000000000005e-06
7.0 1.327e-05
8.0 2.6435e-05
9.0 8.249900000000001e-05
10.0 0.00016881
11.0 0.00022192400000000003
12.0 0.00045087200000000006
13.0 0.0009184550000000001
14.0 0.0019037340000000002
15.0 0.003901213
16.0 0.007549856000000001
17.0 0.015788597
18.0 0.032027695
19.0 0.066590224
20.0 0.19220482700000002
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
