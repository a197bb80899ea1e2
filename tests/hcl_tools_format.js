// Formats HCL with hclwrite's Format, as compiled to WebAssembly in the npm
// package @cdktf/hcl-tools (an oracle for tffix's tests; see oracles.py).
// argv[2]: the package's folder. stdin: a JSON array of texts. stdout: a JSON
// array of {"text": formatted} or {"error": message}, in the same order.
const { format } = require(process.argv[2]);
const inputs = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const results = [];
  for (const text of inputs) {
    try {
      results.push({ text: await format(text) });
    } catch (error) {
      results.push({ error: String(error) });
    }
  }
  // the Go runtime keeps node alive: exit once the output is flushed
  process.stdout.write(JSON.stringify(results), () => process.exit(0));
})();
