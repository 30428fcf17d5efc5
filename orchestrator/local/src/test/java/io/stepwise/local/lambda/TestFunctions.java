package io.stepwise.local.lambda;

import java.time.Duration;

/** The test handlers under the names the tests invoke them by. */
final class TestFunctions {
  private static final String HANDLERS = "io.stepwise.local.lambda.handlers.";

  private TestFunctions() {}

  static LocalLambdaHost register(LocalLambdaHost host) {
    return host
        .register(FunctionConfig.of("echo", HANDLERS + "Echo::handleRequest").withAliases("live"))
        .register(FunctionConfig.of("probe", HANDLERS + "ContextProbe").withMemoryMb(512)
            .withTimeout(Duration.ofSeconds(10)).withAliases("live"))
        .register("thrower", HANDLERS + "Thrower::handleRequest")
        .register(FunctionConfig.of("sleeper", HANDLERS + "Sleeper::handleRequest").withTimeout(Duration.ofMillis(300)))
        .register(FunctionConfig.of("slow", HANDLERS + "Sleeper::handleRequest").withTimeout(Duration.ofSeconds(10)))
        .register(FunctionConfig.of("throttled", HANDLERS + "Sleeper::handleRequest").withReservedConcurrency(1))
        .register("recorder", HANDLERS + "Recorder::handleRequest")
        .register("greeter", HANDLERS + "Greeter::handleRequest")
        .register("raw", HANDLERS + "RawWriter::handleRequest")
        .register("twice", HANDLERS + "Calculator::twice")
        .register("describe", HANDLERS + "Calculator::describe");
  }
}
