/**
 * The report's browser code (plain ES2017, run after uPlot's inlined IIFE): reads the embedded JSON
 * and draws each chart into its `[data-chart]` element. Trade markers are drawn on the price chart's
 * canvas in a draw hook, so they need no series aligned to the bars.
 */
export const REPORT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var pct = function (u, v) { return v == null ? '' : (v * 100).toFixed(1) + '%'; };
  function size(el) { return { width: Math.max(320, el.clientWidth), height: 260 }; }
  function make(name, opts, columns) {
    var el = document.querySelector('[data-chart="' + name + '"]');
    var s = size(el);
    opts.width = s.width; opts.height = s.height;
    return new uPlot(opts, columns, el);
  }
  function timeChart(name, label, values, color, fill, valueFormat) {
    make(name, {
      series: [{}, { label: label, stroke: color, fill: fill, width: 1.5, value: valueFormat }],
      axes: [{}, { values: valueFormat ? function (u, vs) { return vs.map(function (v) { return valueFormat(u, v); }); } : undefined, size: 70 }],
      legend: { show: true },
    }, [data.series.t, values]);
  }
  function lineChart(name, label, line) {
    make(name, { series: [{}, { label: label, stroke: '#7c3aed', width: 1.5 }], axes: [{}, { size: 70 }] }, [line.t, line.equity]);
  }
  timeChart('equity', 'Equity', data.series.equity, '#2563eb', 'rgba(37,99,235,0.08)');
  timeChart('drawdown', 'Drawdown', data.series.drawdown, '#dc2626', 'rgba(220,38,38,0.15)', pct);

  function markers(u) {
    var ctx = u.ctx;
    ctx.save();
    [[data.markers.buys, '#16a34a', -1], [data.markers.sells, '#dc2626', 1]].forEach(function (group) {
      ctx.fillStyle = group[1];
      for (var i = 0; i < group[0].length; i++) {
        var m = group[0][i];
        var x = Math.round(u.valToPos(m[0], 'x', true));
        var y = Math.round(u.valToPos(m[1], 'y', true));
        var d = 6 * devicePixelRatio * group[2];
        ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x - Math.abs(d), y - d); ctx.lineTo(x + Math.abs(d), y - d); ctx.closePath(); ctx.fill();
      }
    });
    ctx.restore();
  }
  make('price', {
    series: [{}, { label: 'Close', stroke: '#334155', width: 1 }],
    axes: [{}, { size: 70 }],
    hooks: { draw: [markers] },
  }, [data.series.t, data.series.close]);

  if (data.monteCarlo) {
    var fan = data.monteCarlo.fan;
    var colors = ['#93c5fd', '#3b82f6', '#1e3a8a', '#3b82f6', '#93c5fd'];
    make('fan', {
      scales: { x: { time: false } },
      series: [{ label: 'Bar' }].concat(fan.percentiles.map(function (p, i) {
        return { label: 'p' + p, stroke: colors[i], width: p === 50 ? 2 : 1 };
      })),
      axes: [{}, { size: 70 }],
    }, [fan.x].concat(fan.bands));
    function histogram(name, h, label, valueFormat) {
      make(name, {
        scales: { x: { time: false } },
        series: [{ label: label, value: valueFormat }, { label: 'Paths', fill: 'rgba(37,99,235,0.5)', stroke: '#2563eb', points: { show: false }, paths: uPlot.paths.bars({ size: [0.95, 100] }) }],
        axes: [{ values: valueFormat ? function (u, vs) { return vs.map(function (v) { return valueFormat(u, v); }); } : undefined }, {}],
      }, [h.centers, h.counts]);
    }
    histogram('hist-equity', data.monteCarlo.finalEquity, 'Final equity');
    histogram('hist-drawdown', data.monteCarlo.maxDrawdown, 'Max drawdown', pct);
  }
  if (data.walkForward) lineChart('walk-forward', 'Out-of-sample equity', data.walkForward);
  document.body.setAttribute('data-rendered', 'true');
})();
`;
