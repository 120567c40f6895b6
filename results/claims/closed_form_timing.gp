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
2.0 3.3e-07
4.0 3.51e-07
8.0 3.51e-07
16.0 6.510000000000001e-07
32.0 9.410000000000001e-07
64.0 2.1240000000000003e-06
128.0 4.222500000000001e-06
256.0 8.415500000000001e-06
512.0 1.8715000000000003e-05
1024.0 4.0065000000000003e-05
2048.0 0.000142366
4096.0 0.00030609600000000006
EOD
$p0s1 << EOD
2.0 1.5830000000000001e-06
3.0 2.294e-06
4.0 4.138e-06
5.0 6.747500000000001e-06
6.0 1.2518000000000001e-05
7.0 2.4075000000000002e-05
8.0 4.8586e-05
9.0 9.9381e-05
10.0 0.0001997125
11.0 0.00040952450000000004
12.0 0.000813589
13.0 0.001383232
14.0 0.006050466
15.0 0.008015114
16.0 0.012666288000000001
17.0 0.027556918000000003
18.0 0.06836572
19.0 0.18067433000000002
20.0 0.341203229
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
