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
2.0 1.21e-07
4.0 1.3e-07
8.0 1.4e-07
16.0 1.6e-07
32.0 3.0000000000000004e-07
64.0 7.01e-07
128.0 1.322e-06
256.0 2.5740000000000003e-06
512.0 5.147e-06
1024.0 1.0515e-05
2048.0 2.6459000000000002e-05
4096.0 0.00019463500000000002
EOD
$p0s1 << EOD
2.0 4.555e-07
3.0 6.61e-07
4.0 1.092e-06
5.0 1.9830000000000003e-06
6.0 3.7705000000000006e-06
7.0 7.411000000000001e-06
8.0 1.4882e-05
9.0 3.0104500000000003e-05
10.0 6.0966500000000007e-05
11.0 0.000124466
12.0 0.00025321200000000006
13.0 0.000513946
14.0 0.001069744
15.0 0.0021715750000000002
16.0 0.00442969
17.0 0.009073219
18.0 0.018501808
19.0 0.037854104
20.0 0.07714288500000001
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
