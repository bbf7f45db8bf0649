// Validates one Kubernetes Pod, read as JSON from stdin, against the official Kubernetes OpenAPI
// schema (kubernetes-models' validators are generated from it; kubernetes-models 5.1.0 = Kubernetes v1.36.0).
// Exit 0 when valid; 1 with the errors on stderr when not; 2 when the input is not JSON.
// Used by tests/Flows.Runtime.Tests/Kubernetes/PodSchemaTests.cs; install with `npm ci --prefix tests/schema`.
import { Pod } from "kubernetes-models/v1/Pod";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  input += chunk;
}

let object;
try {
  object = JSON.parse(input);
} catch (error) {
  console.error(`not JSON: ${error.message}`);
  process.exit(2);
}

try {
  new Pod(object).validate();
} catch (error) {
  console.error(error.message);
  for (const detail of error.errors ?? []) {
    console.error(`${detail.instancePath || "/"}: ${detail.message}${detail.params ? " " + JSON.stringify(detail.params) : ""}`);
  }
  process.exit(1);
}
console.log("valid v1 Pod");
