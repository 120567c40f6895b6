set terminal svg size 520,400 dynamic font 'sans,11' background '#ffffff'
set datafile separator ' '
set grid
set key bottom right font ',9'
set xlabel 'T (most words in a response)'
set ylabel 'final held-out reward, scheme minus sparse'
set multiplot layout 1,1 title 'Sentiment: final held-out reward over sparse against the horizon (95% bands, paired by seed)'
$p0s0 << EOD
8.0 0.022512734375000176 0.0008936215448499796 0.04488802903402214
16.0 0.08152578124999983 0.06348550717179657 0.10077458685510507
32.0 0.14638585937500015 0.12824431684722742 0.16111167880904875
EOD
$p0s1 << EOD
8.0 0.10474101562500006 0.0853585274444529 0.1262777718698101
16.0 0.13501632812499997 0.12366653269093128 0.14417844623698423
32.0 0.1648306250000002 0.14276336029302222 0.18223540215257122
EOD
$p0s2 << EOD
8.0 0.0483538281250002 0.028572305642947684 0.06771985953018625
16.0 0.03284570312499989 0.01897525012352723 0.04615883970199281
32.0 0.045510937500000105 -0.0029412607993740516 0.07809623599378605
EOD
set title ''
plot $p0s0 using 1:3:4 with filledcurves lc 1 fs transparent solid 0.2 notitle, $p0s0 using 1:2 with lines lw 2 lc 1 title 'scar(units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500) - sparse', \
     $p0s1 using 1:3:4 with filledcurves lc 2 fs transparent solid 0.2 notitle, $p0s1 using 1:2 with lines lw 2 lc 2 title 'scar(units=tokens;alpha=1;exact<=10;estimator=owen;budget=500) - sparse', \
     $p0s2 using 1:3:4 with filledcurves lc 3 fs transparent solid 0.2 notitle, $p0s2 using 1:2 with lines lw 2 lc 3 title 'abc(b=0.8) - sparse'
unset multiplot
