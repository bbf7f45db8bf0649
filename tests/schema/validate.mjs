// Validates one Kubernetes object, read as JSON from stdin, against the official Kubernetes OpenAPI schema
// (kubernetes-models' validators are generated from it; kubernetes-models 5.1.0 = Kubernetes v1.36.0).
// Exit 0 when valid; 1 with the errors on stderr when not; 2 when the input is not JSON.
// The kind comes from validate-job.mjs or validate-pod.mjs, which the render tests run.
export async function validate(Model, description) {
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
    new Model(object).validate();
  } catch (error) {
    console.error(error.message);
    for (const detail of error.errors ?? []) {
      console.error(`${detail.instancePath || "/"}: ${detail.message}${detail.params ? " " + JSON.stringify(detail.params) : ""}`);
    }
    process.exit(1);
  }
  console.log(`valid ${description}`);
}
