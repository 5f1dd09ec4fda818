package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.engine.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer knows strings, comments and lines, so the rules can trust what they see. */
class TokenizerTest {

    private static List<Token> strings(Tokens tokens) {
        return tokens.list().stream().filter(Token::isString).toList();
    }

    @Test
    void python_triple_quoted_and_prefixed_strings_are_one_token_each_and_keep_later_lines_right() {
        Tokens tokens = Tokenizer.tokenize("""
                doc = '''eval(x)
                # not a comment'''
                name = f"hi {user.name}" + rb'raw\\d'
                call()  # eval(y)
                """, Tokenizer.Mode.PYTHON);
        List<Token> strings = strings(tokens);
        assertThat(strings).hasSize(3);
        assertThat(strings.get(0).value()).contains("# not a comment");
        assertThat(strings.get(1).interpolations()).containsExactly("user.name");
        assertThat(strings.get(2).isInterpolated()).isFalse();
        assertThat(tokens.comments()).extracting(Tokens.Comment::line).containsExactly(4);
        assertThat(tokens.list().stream().filter(t -> t.is("call")).findFirst().orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void javascript_template_literals_regexes_and_block_comments_are_told_apart() {
        Tokens tokens = Tokenizer.tokenize("""
                const q = `SELECT ${id} FROM t`; /* eval(
                   x) */ const r = /"[a-z]+"\\//g; const d = a / b / c;
                """, Tokenizer.Mode.C_LIKE_JS);
        assertThat(strings(tokens)).singleElement().satisfies(t -> assertThat(t.interpolations()).containsExactly("id"));
        assertThat(tokens.list()).filteredOn(t -> t.kind() == Kind.REGEX).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("/\"[a-z]+\"\\//g"));
        assertThat(tokens.list()).filteredOn(t -> t.is("/")).hasSize(2);
        assertThat(tokens.list()).noneMatch(t -> t.is("eval"));
    }

    @Test
    void java_text_blocks_and_char_literals_are_strings() {
        Tokens tokens = Tokenizer.tokenize("""
                String s = \"""
                    exec("rm " + x)
                    \""";
                char c = '"';
                """, Tokenizer.Mode.C_LIKE_JAVA);
        assertThat(strings(tokens)).hasSize(2);
        assertThat(tokens.list()).noneMatch(t -> t.is("exec"));
    }

    @Test
    void an_unterminated_string_ends_the_file_without_failing() {
        Tokens tokens = Tokenizer.tokenize("x = \"never closed\nprint(x)", Tokenizer.Mode.PYTHON);
        assertThat(tokens.list()).anyMatch(t -> t.is("print"));
    }
}
