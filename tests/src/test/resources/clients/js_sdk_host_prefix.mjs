// The AWS SDK for JavaScript v3 against a Stepwise API at ENDPOINT: StartSyncExecution and TestState,
// which the SDK sends to the host "sync-<endpoint host>", work with disableHostPrefix: true.
// Usage: node js_sdk_host_prefix.mjs http://127.0.0.1:PORT
import { SFNClient, CreateStateMachineCommand, StartSyncExecutionCommand, TestStateCommand } from "@aws-sdk/client-sfn";

const endpoint = process.argv[2];
const settings = { endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 };
const sfn = new SFNClient({ ...settings, disableHostPrefix: true });

const definition = JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", Result: "from js", End: true } } });
const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({
  name: "js-sdk", definition, roleArn: "arn:aws:iam::000000000000:role/stepwise" }));

const sync = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: "{}" }));
if (sync.status !== "SUCCEEDED" || sync.output !== '"from js"') throw new Error("StartSyncExecution: " + JSON.stringify(sync));
console.log("OK StartSyncExecution");

const tested = await sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: "Pass", End: true }), input: '{"a": 1}' }));
if (tested.status !== "SUCCEEDED" || tested.output !== '{"a":1}') throw new Error("TestState: " + JSON.stringify(tested));
console.log("OK TestState");

// Without the setting, the call goes to sync-127.0.0.1, which no resolver answers.
try {
  await new SFNClient(settings).send(new StartSyncExecutionCommand({ stateMachineArn, input: "{}" }));
  throw new Error("the default client reached the API through sync-<host>");
} catch (e) {
  if (!String(e.message + e.code + e.hostname).includes("sync-")) throw e;
  console.log("HOST PREFIX without the setting: " + (e.code || e.name) + " " + (e.hostname || ""));
}
console.log("JS SDK OK");
