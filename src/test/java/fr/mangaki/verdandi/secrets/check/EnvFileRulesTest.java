package fr.mangaki.verdandi.secrets.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static fr.mangaki.verdandi.secrets.check.EnvFileRules.EnvName.ENCRYPTED;
import static fr.mangaki.verdandi.secrets.check.EnvFileRules.EnvName.ENVRC;
import static fr.mangaki.verdandi.secrets.check.EnvFileRules.EnvName.NONE;
import static fr.mangaki.verdandi.secrets.check.EnvFileRules.EnvName.PLAINTEXT;
import static fr.mangaki.verdandi.secrets.check.EnvFileRules.EnvName.TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvFileRulesTest {

    @Test
    void classifiesNames() {
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env"));
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env.local"));
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env.production"));
        assertEquals(PLAINTEXT, EnvFileRules.classify("production.env"));
        assertEquals(PLAINTEXT, EnvFileRules.classify("app.staging.env"));
        assertEquals(TEMPLATE, EnvFileRules.classify(".env.example"));
        assertEquals(TEMPLATE, EnvFileRules.classify(".env.sample"));
        assertEquals(TEMPLATE, EnvFileRules.classify(".env.template"));
        assertEquals(TEMPLATE, EnvFileRules.classify(".env.local.example"));
        assertEquals(ENVRC, EnvFileRules.classify(".envrc"));
        assertEquals(ENCRYPTED, EnvFileRules.classify("production.env.asc"));
        assertEquals(ENCRYPTED, EnvFileRules.classify(".env.asc"));
        assertEquals(ENCRYPTED, EnvFileRules.classify(".env.local.gpg"));
        assertEquals(ENCRYPTED, EnvFileRules.classify("ci.env.pgp"));
        assertEquals(NONE, EnvFileRules.classify("env"));
        assertEquals(NONE, EnvFileRules.classify(".environment"));
        assertEquals(NONE, EnvFileRules.classify("production.env.example"));
        assertEquals(NONE, EnvFileRules.classify("environment.py"));
        assertEquals(NONE, EnvFileRules.classify("README.asc"));
    }

    @Test
    void classifiesEditorBackupsAsEnvFiles() {
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env~"));
        assertEquals(PLAINTEXT, EnvFileRules.classify("#.env#"));
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env.swp"));
        assertEquals(PLAINTEXT, EnvFileRules.classify("production.env.bak"));
        assertEquals(PLAINTEXT, EnvFileRules.classify(".env.production.orig"));
        assertEquals(TEMPLATE, EnvFileRules.classify(".env.dist"));
        assertEquals(NONE, EnvFileRules.classify("environment.py~"));
    }

    @Test
    void recognisesEnvFilesByContent() {
        assertEquals(true, EnvFileRules.looksLikeEnvFile("""
                # General
                DJANGO_READ_DOT_ENV_FILE=True
                DJANGO_SETTINGS_MODULE=config.settings.production
                DJANGO_SECRET_KEY=k3Xq9vB2mZ7wP4tR8yL1nH6c
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, EnvFileRules.looksLikeEnvFile("export A=1\nexport B=2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, EnvFileRules.looksLikeEnvFile("A=1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, EnvFileRules.looksLikeEnvFile("""
                #!/bin/sh
                set -e
                A=1
                B=2
                run_this
                and_that
                and_more
                """.getBytes(StandardCharsets.UTF_8)));
    }
}
