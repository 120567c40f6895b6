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
32.0 3.0000000000000004e-07
64.0 7.410000000000001e-07
128.0 1.322e-06
256.0 2.624e-06
512.0 5.228000000000001e-06
1024.0 1.0896e-05
2048.0 2.6490000000000002e-05
4096.0 0.0001970735
EOD
$p0s1 << EOD
2.0 8.11e-07
3.0 1.0420000000000001e-06
4.0 1.492e-06
5.0 2.4085e-06
6.0 4.2815000000000004e-06
7.0 8.142000000000001e-06
8.0 1.5884000000000002e-05
9.0 3.1597e-05
10.0 6.379000000000001e-05
11.0 0.000124015
12.0 0.00024491500000000006
13.0 0.000489729
14.0 0.0009739220000000001
15.0 0.001984678
16.0 0.004008342000000001
17.0 0.008207821
18.0 0.016421248000000003
19.0 0.03320078
20.0 0.067304555
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 lc rgb '#1f77b4' pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 lc rgb '#ff7f0e' pt 6 title 'exact'
unset multiplot
