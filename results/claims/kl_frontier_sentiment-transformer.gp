set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set grid
set key bottom right font ',9'
set xlabel 'final KL(pi || pi_ref), exact, nats per response'
set ylabel 'final held-out reward'
set multiplot layout 1,1 title 'Sentiment control: transformer reward of the prompt + response: reward against KL to pi_ref'
$p0s0 << EOD
1.2895698650736032 0.18664267006120425 0.17252811248370656 0.20075722763870193
2.466615994587239 0.2904751964501478 0.2799835856966268 0.3009668072036688
4.551411352085313 0.38026556931053623 0.36650479634001903 0.39402634228105343
7.327271388748633 0.4506313506825102 0.444134789362883 0.4571279120021374
EOD
$p0s1 << EOD
1.2594585540855694 0.20352252635116622 0.19118293989206187 0.21586211281027057
2.460060464990858 0.28213112612869184 0.2720914678877589 0.2921707843696248
5.521542377209016 0.3890255667990634 0.3806677996783423 0.39738333391978453
9.567235637616667 0.4469395844403606 0.4398337438561156 0.45404542502460554
EOD
set title ''
plot $p0s0 using 1:3:4 with filledcurves lc 1 fs transparent solid 0.2 notitle, $p0s0 using 1:2 with lines lw 2 lc 1 title 'sparse (beta 0.025, 0.05, 0.1, 0.2; 10 seeds)', \
     $p0s1 using 1:3:4 with filledcurves lc 2 fs transparent solid 0.2 notitle, $p0s1 using 1:2 with lines lw 2 lc 2 title 'scar(units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500) (beta 0.025, 0.05, 0.1, 0.2; 10 seeds)'
unset multiplot
