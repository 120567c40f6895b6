set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set grid
set key bottom right font ',9'
set xlabel 'final KL(pi || pi_ref), exact, nats per response'
set ylabel 'final held-out reward'
set multiplot layout 1,1 title 'Extractive summarization (BBC): ROUGE-1 F of the summary: reward against KL to pi_ref'
$p0s0 << EOD
0.9796850582390594 0.4611849474363765 0.45369950705478496 0.46867038781796805
1.7388345530596108 0.4815581859164644 0.4751835053054649 0.48793286652746387
2.159664262379799 0.48976956711563474 0.484686909368026 0.4948522248632435
2.504630634524927 0.4929043598146841 0.4883691677639975 0.4974395518653707
EOD
$p0s1 << EOD
1.2960445091988642 0.47129594168017347 0.4657925976173064 0.47679928574304054
1.9849430746446484 0.48378915330660366 0.4780708806949796 0.4895074259182277
2.4631810693408545 0.49558695596736946 0.4898204041397265 0.5013535077950124
2.716497460269832 0.49792810594829584 0.49208782849101046 0.5037683834055813
EOD
set title ''
plot $p0s0 using 1:3:4 with filledcurves lc 1 fs transparent solid 0.2 notitle, $p0s0 using 1:2 with lines lw 2 lc 1 title 'sparse (beta 0.005, 0.01, 0.02, 0.04; 10 seeds)', \
     $p0s1 using 1:3:4 with filledcurves lc 2 fs transparent solid 0.2 notitle, $p0s1 using 1:2 with lines lw 2 lc 2 title 'scar(units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64) (beta 0.005, 0.01, 0.02, 0.04; 10 seeds)'
unset multiplot
