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
32.0 3.01e-07
64.0 6.71e-07
128.0 1.261e-06
256.0 2.504e-06
512.0 5.077000000000001e-06
1024.0 1.0456000000000001e-05
2048.0 2.6300000000000002e-05
4096.0 0.00018815500000000002
EOD
$p0s1 << EOD
2.0 4.555e-07
3.0 6.660000000000001e-07
4.0 1.102e-06
5.0 1.963e-06
6.0 3.716e-06
7.0 7.311000000000001e-06
8.0 1.4742e-05
9.0 2.9624e-05
10.0 5.8607e-05
11.0 0.000118827
12.0 0.00024444450000000003
13.0 0.000494256
14.0 0.001007702
15.0 0.002056645
16.0 0.020219597000000002
17.0 0.04472454100000001
18.0 0.085693906
19.0 0.15969080300000002
20.0 0.287271021
EOD
set title 'time against K'
plot $p0s0 using 1:2 with linespoints lw 2 pt 5 title 'closed-form', \
     $p0s1 using 1:2 with linespoints lw 2 pt 6 title 'exact'
unset multiplot
