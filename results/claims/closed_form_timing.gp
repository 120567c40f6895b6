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
4.0 1.7000000000000001e-07
8.0 1.91e-07
16.0 2.5000000000000004e-07
32.0 5.01e-07
64.0 1.1720000000000002e-06
128.0 2.1795e-06
256.0 4.588e-06
512.0 9.789e-06
1024.0 2.0979e-05
2048.0 9.696100000000001e-05
4096.0 0.00029706000000000003
EOD
$p0s1 << EOD
2.0 7.820000000000001e-07
3.0 1.182e-06
4.0 1.9635e-06
5.0 3.537e-06
6.0 6.692500000000001e-06
7.0 1.31495e-05
8.0 2.6219e-05
9.0 5.2773000000000004e-05
10.0 0.0001101005
11.0 0.000249125
12.0 0.0005261720000000001
13.0 0.0009173320000000001
14.0 0.0018765230000000002
15.0 0.004430492
16.0 0.00918552
17.0 0.027025607000000004
18.0 0.055060448000000005
19.0 0.11556634600000001
20.0 0.233339346
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
