package io.stepwise.cli;

import io.stepwise.console.ConsoleServer;
import io.stepwise.console.SigningForwarder;
import java.io.PrintStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import java.util.Set;

/**
 * {@code stepwise console --endpoint URL [--region R] [--profile P] [--port 8084]}: the console
 * on 127.0.0.1 for a deployed Stepwise (or any Step Functions endpoint), its API calls signed
 * with SigV4 for {@code states} with the default credential chain, until Ctrl-C.
 */
final class ConsoleCommand {
  static final Args.Spec SPEC = new Args.Spec("console", Set.of("--endpoint", "--region", "--profile", "--port"), Set.of());
  static final int DEFAULT_PORT = 8084;
  private final PrintStream out;
  private final PrintStream err;

  ConsoleCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    if (!args.positional().isEmpty()) throw new UsageException("console takes only --endpoint, --region, --profile and --port");
    String endpoint = args.option("--endpoint");
    if (endpoint == null) throw new UsageException("console needs --endpoint URL (the Step Functions API to show)");
    URI uri = URI.create(endpoint);
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
      throw new UsageException("--endpoint must be an http(s) URL: " + endpoint);
    }
    String profile = args.option("--profile");
    String region = args.option("--region");
    if (region == null) {
      try {
        region = DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion().id();
      } catch (SdkClientException e) {
        err.println("stepwise: no AWS region configured: pass --region (or set AWS_REGION)");
        return 2;
      }
    }
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().profileName(profile).build();
    ConsoleServer server = ConsoleServer.start(LocalCommand.port(args.option("--port"), DEFAULT_PORT),
        new SigningForwarder(uri, region, credentials));
    String where = region + (profile == null ? "" : ", profile " + profile);
    return UntilCtrlC.serve("console", server, () -> {}, () -> {
      out.println("Stepwise console for " + endpoint + " (" + where + ")");
      out.println("  Console                 http://localhost:" + server.endpoint().getPort() + "/");
      out.println("Calls are signed for '" + SigningForwarder.SERVICE + "' with your AWS credentials. Ctrl-C stops it.");
      out.flush();
    });
  }
}
