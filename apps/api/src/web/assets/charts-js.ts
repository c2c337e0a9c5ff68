/**
 * Draws each <canvas data-chart="name"> from the JSON in #chart-data with chart.js (loaded
 * before this script). Without JavaScript the canvas fallback text and the tables remain.
 */
export const CHARTS_JS = `(function () {
  var source = document.getElementById('chart-data');
  if (!source || !window.Chart) return;
  var specs = JSON.parse(source.textContent);
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = specs[canvas.getAttribute('data-chart')];
    if (spec) new window.Chart(canvas, spec);
  });
})();
`;
