/* WCAG 2 contrast of an element's text against what is painted behind it, as the reader sees it.
 *
 * Colours come from getComputedStyle. The backdrop is composed from the canvas down through every
 * ancestor's background colour; an ancestor's opacity blends everything inside it with what lies
 * beneath (o * inside + (1 - o) * beneath, which is exact for source-over compositing).
 * Background images are ignored: our pages use none behind text.
 */
(element) => {
  function parse(css) {  /* rgb(), rgba() and color(srgb ...) (what color-mix() computes to) */
    var m = css.match(/^rgba?\(([^)]+)\)$/), srgb = css.match(/^color\(srgb ([^)]+)\)$/);
    if (!m && !srgb) { throw new Error("cannot read the colour " + css); }
    var p = (m || srgb)[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    var scale = srgb ? 255 : 1;
    return [p[0] * scale, p[1] * scale, p[2] * scale, p.length > 3 ? p[3] : 1];
  }
  function over(top, below) {  /* top rgba over an opaque rgb */
    var a = top[3];
    return [0, 1, 2].map(function (i) { return top[i] * a + below[i] * (1 - a); });
  }
  function mix(inside, beneath, o) {
    return [0, 1, 2].map(function (i) { return inside[i] * o + beneath[i] * (1 - o); });
  }
  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v = v / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  var chain = [];
  for (var el = element; el; el = el.parentElement) { chain.unshift(el); }
  var text = parse(getComputedStyle(element).color);
  function paint(k, beneath, withText) {
    var style = getComputedStyle(chain[k]);
    var inside = over(parse(style.backgroundColor), beneath);
    if (k < chain.length - 1) { inside = paint(k + 1, inside, withText); }
    else if (withText) { inside = over(text, inside); }
    return mix(inside, beneath, Number(style.opacity));
  }
  var canvas = getComputedStyle(document.documentElement).colorScheme === "dark" ? [18, 18, 18] : [255, 255, 255];
  var fg = paint(0, canvas, true), bg = paint(0, canvas, false);
  var l1 = luminance(fg), l2 = luminance(bg);
  var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  return { ratio: Math.round(ratio * 100) / 100, fg: fg.map(Math.round), bg: bg.map(Math.round) };
}
