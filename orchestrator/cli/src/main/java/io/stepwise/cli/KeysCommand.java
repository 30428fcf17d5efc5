package io.stepwise.cli;

import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.Policy;
import io.stepwise.api.auth.SecretsManagerDocument;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code stepwise keys create|list|revoke}: the access keys of the deployed API, in its Secrets
 * Manager secret ({@code --secret-id}, read and written with the caller's AWS credentials), or
 * in a file for {@code stepwise local --keys FILE}. Each key carries IAM-style statements:
 * {@code --actions states:StartExecution,states:DescribeExecution --resources ARN,ARN}.
 */
final class KeysCommand {
  static final Args.Spec SPEC = new Args.Spec("keys",
      Set.of("--secret-id", "--file", "--actions", "--resources", "--description", "--region", "--endpoint-url"), Set.of());

  private final PrintStream out;
  private final PrintStream err;

  KeysCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(Args args) {
    List<String> words = args.positional();
    if (words.isEmpty()) throw new UsageException("keys needs create, list or revoke");
    Store store = store(args);
    AccessKeys keys;
    try {
      keys = AccessKeys.parse(store.read().get());
    } catch (IllegalArgumentException e) {
      err.println("stepwise keys: " + store.name() + ": " + e.getMessage());
      return 2;
    }
    switch (words.get(0)) {
      case "create" -> {
        if (words.size() != 1) throw new UsageException("keys create takes no arguments");
        Policy policy = new Policy(List.of(new Policy.Statement(true, list(args, "--actions"), list(args, "--resources"))));
        String description = args.option("--description") == null ? "" : args.option("--description");
        AccessKeys.AccessKey key = keys.issue(description, policy, new SecureRandom());
        store.write().accept(keys.toDocument());
        out.println("aws_access_key_id = " + key.id());
        out.println("aws_secret_access_key = " + key.secret());
        err.println("stepwise keys: stored in " + store.name() + "; the secret is shown only now. "
            + "Use it with: aws configure --profile stepwise");
      }
      case "list" -> {
        for (AccessKeys.AccessKey key : keys.all().values()) {
          out.println(key.id() + "  " + key.policy().toJson() + (key.description().isEmpty() ? "" : "  " + key.description()));
        }
      }
      case "revoke" -> {
        if (words.size() != 2) throw new UsageException("keys revoke takes the access key id");
        if (!keys.revoke(words.get(1))) {
          err.println("stepwise keys: no access key " + words.get(1) + " in " + store.name());
          return 1;
        }
        store.write().accept(keys.toDocument());
        err.println("stepwise keys: revoked " + words.get(1) + " (the API stops taking it within a minute)");
      }
      default -> throw new UsageException("keys takes create, list or revoke, not " + words.get(0));
    }
    return 0;
  }

  private record Store(String name, Supplier<String> read, Consumer<String> write) {}

  private static Store store(Args args) {
    String secretId = args.option("--secret-id");
    String file = args.option("--file");
    if ((secretId == null) == (file == null)) throw new UsageException("keys needs one of --secret-id SECRET or --file FILE");
    if (file != null) {
      Path path = Path.of(file);
      return new Store(file, () -> read(path), text -> write(path, text));
    }
    String region = args.option("--region") != null ? args.option("--region")
        : new DefaultAwsRegionProviderChain().getRegion().id();
    String endpoint = args.option("--endpoint-url");
    AwsEndpoints endpoints = endpoint == null ? AwsEndpoints.aws()
        : AwsEndpoints.local(Map.of(), URI.create(endpoint), "--endpoint-url");
    SecretsManagerDocument secret = new SecretsManagerDocument(new AwsApiCaller(UrlConnectionHttpClient.create(), endpoints),
        DefaultCredentialsProvider.builder().build(), region, secretId);
    return new Store("secret " + secretId, secret, secret::put);
  }

  private static List<String> list(Args args, String option) {
    String value = args.option(option);
    if (value == null || value.isBlank()) {
      throw new UsageException("keys create needs " + option + " (comma-separated; e.g. --actions states:StartExecution "
          + "--resources arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)");
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String read(Path path) {
    try {
      return Files.exists(path) ? Files.readString(path) : "{}";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path path, String text) {
    try {
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
