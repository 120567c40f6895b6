set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set grid
set key bottom right font ',9'
set xlabel 'final KL(pi || pi_ref), exact, nats per response'
set ylabel 'final held-out reward'
set multiplot layout 1,1 title 'Sentiment control: VADER reward of the prompt + response: reward against KL to pi_ref'
$p0s0 << EOD
1.6485244226566895 0.42936507812499985 0.4113036846271678 0.4474264716228319
3.2587859523273695 0.5998324999999999 0.5783091144301385 0.6213558855698612
5.221171090271376 0.719476015625 0.7071523361854838 0.7317996950645161
8.01153893878915 0.8231122656250001 0.8092426930294987 0.8369818382205014
EOD
$p0s1 << EOD
1.6558589798746397 0.4840564843749998 0.45572422048783967 0.51238874826216
3.8790711924533987 0.6748984374999999 0.6580051325435733 0.6917917424564265
7.622494549839499 0.8242170312500002 0.809662845748883 0.8387712167511174
14.504975117298011 0.898335859375 0.8890399347436299 0.9076317840063702
EOD
set title ''
plot $p0s0 using 1:3:4 with filledcurves lc 1 fs transparent solid 0.2 notitle, $p0s0 using 1:2 with lines lw 2 lc 1 title 'sparse (beta 0.025, 0.05, 0.1, 0.2; 10 seeds)', \
     $p0s1 using 1:3:4 with filledcurves lc 2 fs transparent solid 0.2 notitle, $p0s1 using 1:2 with lines lw 2 lc 2 title 'scar(units=tokens;alpha=1;exact<=10;estimator=owen;budget=500) (beta 0.025, 0.05, 0.1, 0.2; 10 seeds)'
unset multiplot
