package io.stepwise.api.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/** Key statements read as IAM reads them: actions in any case, resource wildcards, Deny over Allow. */
class PolicyTest {
  private static final String ORDERS = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

  @Test
  void allowsWhatAStatementNames_andNothingElse() {
    Policy policy = Policy.fromJson(Json.parse("""
        [{"Effect": "Allow", "Action": ["states:StartExecution", "states:Describe*"],
          "Resource": ["arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                       "arn:aws:states:us-east-1:123456789012:execution:orders:*"]}]"""));
    assertTrue(policy.allows("states:StartExecution", ORDERS));
    assertTrue(policy.allows("STATES:startexecution", ORDERS));
    assertTrue(policy.allows("states:DescribeExecution", "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"));
    assertFalse(policy.allows("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:payroll"));
    assertFalse(policy.allows("states:StartExecution", ORDERS + "-copy"));
    assertFalse(policy.allows("states:DeleteStateMachine", ORDERS));
    assertFalse(policy.allows("states:ListStateMachines", "*"));
  }

  @Test
  void denyWins() {
    Policy policy = Policy.fromJson(Json.parse("""
        [{"Effect": "Allow", "Action": "states:*", "Resource": "*"},
         {"Effect": "Deny", "Action": "states:Delete*", "Resource": "*"}]"""));
    assertTrue(policy.allows("states:StartExecution", ORDERS));
    assertFalse(policy.allows("states:DeleteStateMachine", ORDERS));
  }
}
