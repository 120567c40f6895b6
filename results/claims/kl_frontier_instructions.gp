set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set grid
set key bottom right font ',9'
set xlabel 'final KL(pi || pi_ref), exact, nats per response'
set ylabel 'final held-out reward'
set multiplot layout 1,1 title 'Instruction following (IFEval): fraction of instructions followed: reward against KL to pi_ref'
$p0s0 << EOD
1.8321004084042045 0.4376302083333333 0.41180928458295746 0.4634511320837092
2.741755236897969 0.48437499999999994 0.4545084761446375 0.5142415238553624
4.996790133221312 0.5401041666666666 0.5107439911733875 0.5694643421599457
11.616113088925875 0.5708333333333333 0.5448315685324137 0.596835098134253
EOD
$p0s1 << EOD
3.531222565899912 0.52265625 0.49484179374684006 0.55047070625316
5.188227813339546 0.5588541666666667 0.5310069468256443 0.586701386507689
12.689962333472504 0.60390625 0.5872109516042726 0.6206015483957273
22.38268473534456 0.6156249999999999 0.6069179439234128 0.6243320560765869
EOD
set title ''
plot $p0s0 using 1:3:4 with filledcurves lc 1 fs transparent solid 0.2 notitle, $p0s0 using 1:2 with lines lw 2 lc 1 title 'sparse (beta 0.005, 0.01, 0.02, 0.04; 10 seeds)', \
     $p0s1 using 1:3:4 with filledcurves lc 2 fs transparent solid 0.2 notitle, $p0s1 using 1:2 with lines lw 2 lc 2 title 'scar(units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64) (beta 0.005, 0.01, 0.02, 0.04; 10 seeds)'
unset multiplot
