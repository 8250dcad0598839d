/**
 * The overlay's only stylesheet, adopted into its closed shadow root as a constructable
 * stylesheet: a strict page CSP (Bitwarden's style-src has hashes only) cannot block it, and page
 * CSS cannot reach in. Colours and focus follow GOV.UK; forced colours are honoured, and nothing
 * animates (the spotlight must track its target exactly while the page scrolls).
 */
export const GUIDE_CSS = `
:host{all:initial!important;position:fixed!important;inset:0!important;width:100vw!important;height:100vh!important;max-width:none!important;max-height:none!important;margin:0!important;padding:0!important;border:0!important;background:none!important;overflow:visible!important;pointer-events:none!important;z-index:2147483647!important;display:block!important}
*{box-sizing:border-box}
.s{position:fixed;left:0;top:0;will-change:transform;border:3px solid #fd0;border-radius:4px;box-shadow:0 0 0 4px #0b0c0c,0 0 0 100vmax rgba(11,12,12,.45);pointer-events:none}
.c{position:fixed;left:0;top:0;will-change:transform;width:min(22rem,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:auto;background:#fff;color:#0b0c0c;border:2px solid #0b0c0c;border-top:6px solid #1d70b8;padding:12px 15px 15px;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;pointer-events:auto;box-shadow:0 4px 12px rgba(0,0,0,.3)}
.n{margin:0 0 4px;color:#484949;font-size:14px}
h2{margin:0 0 8px;font-size:19px;line-height:1.3}
p{margin:0 0 10px}
kbd{font:inherit;font-weight:700;border:1px solid #b1b4b6;border-radius:3px;padding:0 4px}
.w{border-left:5px solid #d4351c;padding-left:10px}
.a{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;font-size:16px;line-height:1.2;padding:7px 10px;border:2px solid transparent;border-radius:0;background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191;cursor:pointer}
button.p{background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18}
button:focus-visible,h2:focus-visible{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c}
h2:focus{outline:none}
.h{margin:10px 0 0;font-size:14px;color:#484949}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (forced-colors:active){.s{border-color:Highlight;box-shadow:none;outline:3px solid Highlight}.c{border-color:CanvasText}button{border-color:ButtonText}button:focus-visible{outline:3px solid Highlight}}
`;
