package fr.mangaki.verdandi.secrets.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
    void findsTemplateValues() {
        byte[] text = """
                # comment=value
                EMPTY=
                QUOTED=""
                SINGLE=''
                export EXPORTED=
                WITH_COMMENT= # the database
                VALUE=1
                export NAME="x"
                """.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("VALUE", "NAME"), EnvFileRules.namesWithValues(text));
    }

    @Test
    void findsLiteralExportsOfEnvrc() {
        byte[] text = """
                use nix
                dotenv_if_exists .env
                export PATH="$PWD/bin:$PATH"
                export VENV=`pwd`/venv
                export EMPTY=
                LOCAL=1
                export DJANGO_DEBUG=1
                export TOKEN='abc'
                """.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("DJANGO_DEBUG", "TOKEN"), EnvFileRules.literalExports(text));
    }
}
