const CSS = `
:host{display:block;font:12px/1.4 system-ui,sans-serif;color:var(--mfe-devtools-fg,#1f2430);background:var(--mfe-devtools-bg,#fff);border:1px solid var(--mfe-devtools-border,#cfd4dc);border-radius:6px;overflow:hidden}
:host([hidden]){display:none}
@media (prefers-color-scheme:dark){:host{--mfe-devtools-fg:#e6e8ec;--mfe-devtools-bg:#1d2027;--mfe-devtools-border:#3a3f4b;--mfe-devtools-accent:#8ab4ff;--mfe-devtools-soft:#272b34}}
*{box-sizing:border-box}
header{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 8px;border-bottom:1px solid var(--mfe-devtools-border,#cfd4dc)}
header h2{font-size:13px;margin:0}
header [role=status]{margin-right:auto}
[role=toolbar]{display:flex;gap:4px;padding:6px 8px 0}
button,select,input{font:inherit;color:inherit;background:var(--mfe-devtools-soft,#f3f5f8);border:1px solid var(--mfe-devtools-border,#cfd4dc);border-radius:4px;padding:2px 6px}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--mfe-devtools-accent,#2f6fde);outline-offset:1px}
[aria-pressed=true]{background:var(--mfe-devtools-accent,#2f6fde);color:#fff}
[role=tablist]{display:flex;gap:2px;padding:4px 8px 0;border-bottom:1px solid var(--mfe-devtools-border,#cfd4dc)}
[role=tab]{border-bottom:none;border-radius:4px 4px 0 0}
[role=tab][aria-selected=true]{background:var(--mfe-devtools-bg,#fff);font-weight:600;position:relative;top:1px}
[role=tabpanel]{padding:6px 8px;max-height:var(--mfe-devtools-height,480px);overflow:auto}
:host(:not([open])) .body{display:none}
.filters{display:flex;flex-wrap:wrap;gap:4px}
.filters input{flex:1;min-width:80px}
.muted{opacity:.7}
.warn{color:#b3261e;font-weight:600}
ol,ul{list-style:none;margin:0;padding:0}
.entries li{border-bottom:1px solid var(--mfe-devtools-border,#cfd4dc)}
.entry{display:flex;gap:6px;width:100%;text-align:left;border:none;background:none;padding:3px 0}
.entry time{opacity:.7;font-variant-numeric:tabular-nums}
.kind{min-width:56px;font-weight:600;color:var(--mfe-devtools-accent,#2f6fde)}
.error .kind,.violation .kind,.report .kind{color:#b3261e}
.app{min-width:48px;font-weight:600}
.what{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;flex:1}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;margin:4px 0 8px}
dt{opacity:.7}dd{margin:0;min-width:0}
pre{margin:0;white-space:pre-wrap;word-break:break-all;max-height:200px;overflow:auto}
.waterfall li{display:grid;grid-template-columns:130px 1fr 60px;gap:6px;align-items:center}
.bar{height:8px;background:var(--mfe-devtools-soft,#f3f5f8);position:relative}
.bar i{position:absolute;top:0;bottom:0;left:calc(var(--from)*1%);width:max(2px,calc((var(--to) - var(--from))*1%));background:var(--mfe-devtools-accent,#2f6fde)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:2px 6px 2px 0;border-bottom:1px solid var(--mfe-devtools-border,#cfd4dc);vertical-align:top}
th{font-weight:600;opacity:.8}
h3{font-size:12px;margin:10px 0 4px}
.link{border:none;background:none;padding:0;text-decoration:underline}
`;

/**
 * Styles the shadow root with a constructable stylesheet: adopted sheets are not inline styles, so they work
 * under `style-src 'self'`. Browsers without them (before Safari 16.4) get a `<style>` element.
 */
export function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    (root as ShadowRoot).append(style);
  }
}
