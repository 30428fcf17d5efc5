package io.stepwise.local.stack;

import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.S3rverServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Node.js, dynalite and s3rver, checked before anything starts, so a missing one is one plain sentence. */
final class Prerequisites {
  static final String HINT = "run npm ci at the repo root (needs Node.js 20+)";

  private Prerequisites() {}

  /** dynalite's cli.js, once node is known to be on PATH. */
  static Path dynaliteCli() {
    if (!nodeOnPath()) {
      throw new LocalStack.MissingPrerequisiteException(
          "Node.js is not installed (no `node` on PATH) and the local DynamoDB (dynalite) needs it: "
              + HINT);
    }
    try {
      return DynaliteServer.locateCli();
    } catch (IllegalStateException notInstalled) {
      throw new LocalStack.MissingPrerequisiteException("dynalite (the local DynamoDB) is not installed: " + HINT);
    }
  }

  /** s3rver's bin/s3rver.js (node is checked by {@link #dynaliteCli()} first). */
  static Path s3rverCli() {
    try {
      return S3rverServer.locateCli();
    } catch (IllegalStateException notInstalled) {
      throw new LocalStack.MissingPrerequisiteException("s3rver (the local S3) is not installed: " + HINT
          + "; or give --aws-endpoint for S3 and the other services");
    }
  }

  private static boolean nodeOnPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      for (String name : new String[] {"node", "node.exe"}) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return true;
      }
    }
    return false;
  }
}
