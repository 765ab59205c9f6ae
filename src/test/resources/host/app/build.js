// The build script (npm run build): writes a static file that collectstatic then collects.
const fs = require("fs");
const path = require("path");
const out = path.join(__dirname, "demo", "notes", "static", "notes", "built.js");
fs.writeFileSync(out, "// built by npm run build\nwindow.notesBuilt = true;\n");
console.log("wrote " + path.relative(__dirname, out));
