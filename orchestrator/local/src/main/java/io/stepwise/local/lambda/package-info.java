/**
 * A local Lambda: {@link io.stepwise.local.lambda.LocalLambdaHost} serves the Lambda Invoke API
 * for Java handlers registered by name, so the real SDK client and the Lambda task invoker run
 * task functions offline.
 */
package io.stepwise.local.lambda;
