package io.stepwise.local.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding dynalite's cli.js without starting anything. */
class DynaliteLocationTest {
  @TempDir Path repo;

  private Path installDynalite(Path nodeModules) throws IOException {
    Path cli = nodeModules.resolve("dynalite/cli.js");
    Files.createDirectories(cli.getParent());
    return Files.writeString(cli, "// stand-in");
  }

  @Test
  void givenNodeModulesAtRepoRoot_whenRunFromASubmodule_thenFoundByWalkingUp() throws IOException {
    Path cli = installDynalite(repo.resolve("node_modules"));
    Path submodule = Files.createDirectories(repo.resolve("orchestrator/local"));

    assertEquals(cli, DynaliteServer.locateCli(null, submodule));
  }

  @Test
  void givenConfiguredNodeModules_whenLocating_thenItWinsOverTheWalk() throws IOException {
    installDynalite(repo.resolve("node_modules"));
    Path elsewhere = installDynalite(repo.resolve("elsewhere/node_modules"));

    assertEquals(
        elsewhere, DynaliteServer.locateCli(repo.resolve("elsewhere/node_modules").toString(), repo));
  }

  @Test
  void givenNoInstall_whenLocating_thenMessageSaysToRunNpmCi() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> DynaliteServer.locateCli(repo.resolve("nowhere").toString(), repo));

    assertTrue(missing.getMessage().contains("npm ci"), missing.getMessage());
    assertTrue(missing.getMessage().contains("Node.js"), missing.getMessage());
  }
}
