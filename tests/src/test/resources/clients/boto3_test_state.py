"""TestState's 2025 members through boto3: TRACE on an HTTP Task, and a mock checked by fieldValidationMode.

Usage: boto3_test_state.py STEPWISE_ENDPOINT URL CONNECTION_ARN
"""
import json
import sys

import boto3
from botocore.config import Config

endpoint, url, connection = sys.argv[1:4]
sfn = boto3.client("stepfunctions", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="x",
                   aws_secret_access_key="x", config=Config(inject_host_prefix=False))

task = {"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "End": True,
        "Parameters": {"ApiEndpoint": url, "Method": "GET", "Authentication": {"ConnectionArn": connection}}}
traced = sfn.test_state(definition=json.dumps(task), input="{}", inspectionLevel="TRACE", revealSecrets=True,
                        roleArn="arn:aws:iam::000000000000:role/stepwise")
assert traced["status"] == "SUCCEEDED", traced
assert json.loads(traced["output"])["ResponseBody"] == "pong", traced
assert traced["inspectionData"]["response"]["body"] == "pong", traced
assert "x-api-key: " in traced["inspectionData"]["request"]["headers"], traced

try:
    sfn.test_state(definition=json.dumps(task), input="{}", mock={"result": json.dumps({"StatusCode": "200"})})
    raise AssertionError("a StatusCode that is not an integer was accepted")
except sfn.exceptions.ValidationException as e:
    assert "StatusCode" in str(e), e
mocked = sfn.test_state(definition=json.dumps(task), input="{}", inspectionLevel="DEBUG",
                        mock={"result": json.dumps({"StatusCode": 201, "ResponseBody": "made"}), "fieldValidationMode": "STRICT"})
assert json.loads(mocked["inspectionData"]["result"])["StatusCode"] == 201, mocked
print("TEST STATE OK")
