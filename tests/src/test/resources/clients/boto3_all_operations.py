"""Calls all 37 Step Functions operations with boto3 against ENDPOINT (a Stepwise API), checking each answer.

Usage: python3 boto3_all_operations.py http://127.0.0.1:PORT
Prints "OK <Operation>" per operation and "ALL <n> OPERATIONS OK" at the end; exits 1 on the first failure.
"""
import json
import sys
import time

import boto3
import botocore.exceptions
from botocore.config import Config

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::000000000000:role/stepwise"
# StartSyncExecution and TestState go to the host "sync-<endpoint host>", which does not resolve
# locally: inject_host_prefix=False (or AWS_DISABLE_HOST_PREFIX_INJECTION=true) keeps the endpoint as given.
CONFIG = Config(inject_host_prefix=False, read_timeout=75, retries={"max_attempts": 1})
session = boto3.session.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name="us-east-1")
sfn = session.client("stepfunctions", endpoint_url=ENDPOINT, config=CONFIG)
called = []


def ok(operation, condition=True, detail=""):
    if not condition:
        print(f"FAIL {operation}: {detail}")
        sys.exit(1)
    called.append(operation)
    print(f"OK {operation}")


def await_end(arn):
    for _ in range(600):
        described = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError(f"{arn} did not end")


def definition(result):
    return json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": result, "End": True}}})


# The host prefix, shown: with injection on, StartSyncExecution goes to sync-127.0.0.1 and cannot connect.
default_client = session.client("stepfunctions", endpoint_url=ENDPOINT, config=Config(retries={"max_attempts": 1}))
try:
    default_client.start_sync_execution(stateMachineArn="arn:aws:states:us-east-1:000000000000:stateMachine:none")
    print("FAIL host prefix: expected the default client to reach sync-<host> and fail")
    sys.exit(1)
except botocore.exceptions.EndpointConnectionError as e:
    print(f"HOST PREFIX without the setting: {e}")

created = sfn.create_state_machine(name="boto3-all", definition=definition("v1"), roleArn=ROLE, publish=True,
                                   versionDescription="first", tags=[{"key": "team", "value": "core"}])
machine = created["stateMachineArn"]
ok("CreateStateMachine", created["stateMachineVersionArn"] == machine + ":1", created)
ok("DescribeStateMachine", sfn.describe_state_machine(stateMachineArn=machine)["name"] == "boto3-all")
updated = sfn.update_state_machine(stateMachineArn=machine, definition=definition("v2"))
ok("UpdateStateMachine", "revisionId" in updated, updated)
ok("ListStateMachines", any(m["stateMachineArn"] == machine for m in sfn.list_state_machines()["stateMachines"]))
ok("ValidateStateMachineDefinition", sfn.validate_state_machine_definition(definition=definition("x"))["result"] == "OK")
published = sfn.publish_state_machine_version(stateMachineArn=machine, description="second")
ok("PublishStateMachineVersion", published["stateMachineVersionArn"] == machine + ":2", published)
versions = [v["stateMachineVersionArn"] for v in sfn.list_state_machine_versions(stateMachineArn=machine)["stateMachineVersions"]]
ok("ListStateMachineVersions", versions == [machine + ":2", machine + ":1"], versions)

alias = sfn.create_state_machine_alias(name="live", routingConfiguration=[
    {"stateMachineVersionArn": machine + ":1", "weight": 50},
    {"stateMachineVersionArn": machine + ":2", "weight": 50}])["stateMachineAliasArn"]
ok("CreateStateMachineAlias", alias == machine + ":live", alias)
ok("DescribeStateMachineAlias", len(sfn.describe_state_machine_alias(stateMachineAliasArn=alias)["routingConfiguration"]) == 2)
ok("ListStateMachineAliases",
   [a["stateMachineAliasArn"] for a in sfn.list_state_machine_aliases(stateMachineArn=machine)["stateMachineAliases"]] == [alias])

# Weighted routing: 24 starts through a 50/50 alias run both versions (all on one: probability 2^-23).
seen = {}
first = None
for i in range(24):
    arn = sfn.start_execution(stateMachineArn=alias, input="{}")["executionArn"]
    first = first or arn
    ended = await_end(arn)
    if ended["stateMachineAliasArn"] != alias:
        ok("StartExecution", False, ended)
    seen[ended["output"]] = ended["stateMachineVersionArn"]
ok("StartExecution", seen == {'"v1"': machine + ":1", '"v2"': machine + ":2"}, seen)
ok("DescribeExecution", sfn.describe_execution(executionArn=first)["stateMachineVersionArn"].startswith(machine + ":"))
ok("UpdateStateMachineAlias", "updateDate" in sfn.update_state_machine_alias(
    stateMachineAliasArn=alias, routingConfiguration=[{"stateMachineVersionArn": machine + ":2", "weight": 100}]))
after_update = await_end(sfn.start_execution(stateMachineArn=alias)["executionArn"])
if after_update["output"] != '"v2"':
    ok("UpdateStateMachineAlias", False, after_update)
ok("ListExecutions", len(sfn.list_executions(stateMachineArn=machine)["executions"]) == 25)
events = sfn.get_execution_history(executionArn=first)["events"]
ok("GetExecutionHistory", events[0]["type"] == "ExecutionStarted" and events[-1]["type"] == "ExecutionSucceeded", events)
ok("DescribeStateMachineForExecution", "definition" in sfn.describe_state_machine_for_execution(executionArn=first))
sync = sfn.start_sync_execution(stateMachineArn=machine, input="{}")
ok("StartSyncExecution", sync["status"] == "SUCCEEDED" and sync["output"] == '"v2"', sync)

waiting = sfn.create_state_machine(name="boto3-wait", roleArn=ROLE, definition=json.dumps(
    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": True}}}))["stateMachineArn"]
execution = sfn.start_execution(stateMachineArn=waiting)["executionArn"]
ok("StopExecution", "stopDate" in sfn.stop_execution(executionArn=execution, error="Stopped", cause="by the script"))
ok("RedriveExecution", "redriveDate" in sfn.redrive_execution(executionArn=execution))
sfn.stop_execution(executionArn=execution)

ok("TagResource", sfn.tag_resource(resourceArn=machine, tags=[{"key": "env", "value": "dev"}]) is not None)
ok("UntagResource", sfn.untag_resource(resourceArn=machine, tagKeys=["team"]) is not None)
ok("ListTagsForResource", sfn.list_tags_for_resource(resourceArn=machine)["tags"] == [{"key": "env", "value": "dev"}])

activity = sfn.create_activity(name="boto3-worker")["activityArn"]
ok("CreateActivity", activity.endswith(":activity:boto3-worker"))
ok("DescribeActivity", sfn.describe_activity(activityArn=activity)["name"] == "boto3-worker")
ok("ListActivities", any(a["activityArn"] == activity for a in sfn.list_activities()["activities"]))
worked = sfn.create_state_machine(name="boto3-activity", roleArn=ROLE, definition=json.dumps(
    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": activity, "Next": "B"},
                                "B": {"Type": "Task", "Resource": activity, "End": True}}}))["stateMachineArn"]
execution = sfn.start_execution(stateMachineArn=worked, input='{"n": 1}')["executionArn"]
task = sfn.get_activity_task(activityArn=activity, workerName="boto3")
ok("GetActivityTask", task.get("taskToken") and json.loads(task["input"]) == {"n": 1}, task)
ok("SendTaskHeartbeat", sfn.send_task_heartbeat(taskToken=task["taskToken"]) is not None)
ok("SendTaskSuccess", sfn.send_task_success(taskToken=task["taskToken"], output='{"n": 2}') is not None)
second = sfn.get_activity_task(activityArn=activity, workerName="boto3")
sfn.send_task_failure(taskToken=second["taskToken"], error="Worker.Failed", cause="on purpose")
failed = await_end(execution)
ok("SendTaskFailure", failed["status"] == "FAILED" and failed["error"] == "Worker.Failed", failed)
ok("DeleteActivity", sfn.delete_activity(activityArn=activity) is not None)

mapped = sfn.create_state_machine(name="boto3-map", roleArn=ROLE, definition=json.dumps(
    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": True, "ItemProcessor": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}}}}))["stateMachineArn"]
execution = sfn.start_execution(stateMachineArn=mapped, input="[1, 2]")["executionArn"]
await_end(execution)
runs = sfn.list_map_runs(executionArn=execution)["mapRuns"]
ok("ListMapRuns", len(runs) == 1, runs)
run = sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"])
ok("DescribeMapRun", run["status"] == "SUCCEEDED" and run["itemCounts"]["succeeded"] == 2, run)
# UpdateMapRun on a running Map Run: MaxConcurrency 1 raised to 2 lets the second item run beside the first.
waiting = sfn.create_activity(name="boto3-map-item")["activityArn"]
raised = sfn.create_state_machine(name="boto3-map-raised", roleArn=ROLE, definition=json.dumps(
    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": True, "MaxConcurrency": 1, "ItemProcessor": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "I", "States": {"I": {"Type": "Task", "Resource": waiting, "End": True}}}}}}))["stateMachineArn"]
execution = sfn.start_execution(stateMachineArn=raised, input="[1, 2, 3]")["executionArn"]


def item_task():
    for _ in range(30):
        task = sfn.get_activity_task(activityArn=waiting, workerName="boto3")
        if task.get("taskToken"):
            return task
    raise AssertionError("no item task came")


first = item_task()
running = sfn.list_map_runs(executionArn=execution)["mapRuns"][0]["mapRunArn"]
sfn.update_map_run(mapRunArn=running, maxConcurrency=2)
second = item_task()  # while the first still runs
ok("UpdateMapRun", sfn.describe_map_run(mapRunArn=running)["maxConcurrency"] == 2 and second["input"] != first["input"],
   second)
for task in [first, second]:
    sfn.send_task_success(taskToken=task["taskToken"], output=task["input"])
third = item_task()
sfn.send_task_success(taskToken=third["taskToken"], output=third["input"])
ok("UpdateMapRun", await_end(execution)["status"] == "SUCCEEDED")
try:
    sfn.update_map_run(mapRunArn=running, maxConcurrency=3)
    ok("UpdateMapRun", False, "expected a ValidationException for a finished Map Run")
except sfn.exceptions.ValidationException as e:
    ok("UpdateMapRun", "has already completed" in str(e), e)
sfn.delete_activity(activityArn=waiting)

tested = sfn.test_state(definition=json.dumps({"Type": "Pass", "Parameters": {"x.$": "$.a"}, "Next": "N"}),
                        input='{"a": 5}', inspectionLevel="DEBUG")
ok("TestState", tested["status"] == "SUCCEEDED" and tested["nextState"] == "N" and json.loads(tested["output"]) == {"x": 5},
   tested)

ok("DeleteStateMachineAlias", sfn.delete_state_machine_alias(stateMachineAliasArn=alias) is not None)
ok("DeleteStateMachineVersion", sfn.delete_state_machine_version(stateMachineVersionArn=machine + ":1") is not None)
ok("DeleteStateMachine", sfn.delete_state_machine(stateMachineArn=machine) is not None)

missing = sorted(set(sfn.meta.service_model.operation_names) - set(called))
if missing:
    print(f"FAIL not called: {missing}")
    sys.exit(1)
print(f"ALL {len(set(called))} OPERATIONS OK")
