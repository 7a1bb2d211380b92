/* test-yaml-writer.c
 *
 * Copyright 2025 The Lectern authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <yaml.h>

#include "lectern-yaml-writer.h"

typedef struct
{
  const char *value;
  gboolean    quoted;   /* must come out double-quoted */
} Case;

#define Q(v) { v, TRUE }
#define P(v) { v, FALSE }

static const Case static_cases[] = {
  /* null */
  Q ("~"), Q ("null"), Q ("Null"), Q ("NULL"), Q (""), Q ("nUlL"),

  /* YAML 1.1 booleans, and Psych's case-insensitive ones */
  Q ("y"), Q ("Y"), Q ("yes"), Q ("Yes"), Q ("YES"),
  Q ("n"), Q ("N"), Q ("no"), Q ("No"), Q ("NO"),
  Q ("true"), Q ("True"), Q ("TRUE"), Q ("false"), Q ("False"), Q ("FALSE"),
  Q ("on"), Q ("On"), Q ("ON"), Q ("off"), Q ("Off"), Q ("OFF"),
  Q ("yEs"), Q ("oFf"), Q ("fAlSe"),

  /* integers */
  Q ("0"), Q ("3"), Q ("-3"), Q ("+3"), Q ("1_000"), Q ("-1_000_000"),
  Q ("1,000"), Q ("0b1010"), Q ("-0b1_0"), Q ("017"), Q ("0o17"),
  Q ("0x1F"), Q ("0xdead_beef"), Q ("0099"), Q ("1:20"), Q ("190:20:30"),
  Q ("0:30"), Q ("-1:20"),

  /* floats */
  Q ("1e3"), Q ("1E-3"), Q ("1.5"), Q (".5"), Q ("1."), Q ("-2.5"),
  Q ("+.inf"), Q ("-.Inf"), Q (".INF"), Q (".nan"), Q (".NaN"), Q (".NAN"),
  Q (".InF"), Q ("6.8523015e+5"), Q ("685.230_15e+03"), Q ("685_230.15"),
  Q ("190:20:30.15"), Q ("1_000.5"), Q ("1,000.5"), Q (".e+5"), Q ("-.e+5"),
  Q ("1.2.3"), Q ("."),

  /* timestamps */
  Q ("2023-07-29"), Q ("2023-7-9"), Q ("2001-12-14t21:59:43.10-05:00"),
  Q ("2001-12-14 21:59:43.10 -5"), Q ("2001-12-15T02:59:43.1Z"),
  Q ("2001-12-15 2:59:43.10"), Q ("-2001-12-14 21:59:43"),
  Q ("2001-12-14 21:59:43 +0530"),

  /* merge, value, symbols */
  Q ("<<"), Q ("="), Q (":sym"), Q (":"), Q ("::x"), Q (":\"quoted\""),

  /* libyaml's own indicators and structure */
  Q ("a: b"), Q ("a:"), Q ("a #b"), Q ("#x"), Q ("'"), Q ("\""), Q ("|"),
  Q (">"), Q ("'quoted'"), Q ("\"dq\""), Q ("|literal"), Q (">folded"),
  Q ("{{ x }}"), Q ("{% raw %}"), Q ("[a]"), Q ("]"), Q ("&anchor"),
  Q ("*alias"), Q ("!tag"), Q ("!!str"), Q ("%dir"), Q ("@at"), Q ("`tick"),
  Q ("- item"), Q ("-"), Q ("?"), Q ("? x"), Q ("---"), Q ("..."),
  Q ("--- x"), Q (",x"),

  /* white space, breaks, control characters */
  Q ("a\nb"), Q ("\n"), Q ("a\r\nb"), Q ("a\rb"), Q ("trailing\n"),
  Q (" lead"), Q ("trail "), Q ("  "), Q ("\ttab"), Q ("in\ttab"),
  Q ("trail\t"), Q ("\xc2\xa0nbsp"), Q ("x\xe2\x80\xa8y"), Q ("x\xc2\x85y"),
  Q ("\xef\xbb\xbf" "bom"), Q ("ctl\x01"), Q ("del\x7f"), Q ("c1\xc2\x80"),

  /* emoji with an indicator in it */
  Q ("🔥 Session I: Large-Scale"), Q ("🔥 #hot"),

  /* must stay plain */
  P ("Google DeepMind"), P ("<b>Tri</b> <br> Dao"), P ("https://tridao.me"),
  P ("assets/img/deepak.JPG"), P ("page"), P ("speaker"),
  P ("Stanford University, Together"), P ("<script>alert(1)</script>"),
  P ("🧑‍🎓"), P ("🔥"), P ("🔥 Session I Large-Scale"),
  P ("שלום עולם"), P ("مرحبا بالعالم"), P ("\xe2\x80\x8f" "עברית"),
  P ("50%"), P ("3D printing"), P ("v1.2.3"), P ("x:y"), P ("foo#bar"),
  P ("C++"), P ("Q&A"), P ("A & B"), P ("It's"), P ("say \"hi\""),
  P ("foo]"), P ("a, b"), P ("-x"), P ("?x"), P ("e-mail@x.org"),
  P ("http://a.b/c?d=e#f"), P ("yes sir"), P ("nullable"), P ("Monday"),
  P ("12 Angry Men"), P ("\xef\xb7\x90"), P ("\xef\xb7\x90\xee\x80\x81\xee\x80\x82"),
  P ("🔥\xef\xb7\x90🔥"), P ("\xee\x80\x80x"),
};

static Case *
case_new (const char *value,
          gboolean    quoted)
{
  Case *c = g_new0 (Case, 1);

  c->value = g_strdup (value);
  c->quoted = quoted;

  return c;
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free ((char *) c->value);
  g_free (c);
}

/* Every case, each with a copy of its value. */
static GPtrArray *
make_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GString) long_plain = g_string_new (NULL);
  g_autoptr(GString) long_quoted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (static_cases); i++)
    g_ptr_array_add (cases, case_new (static_cases[i].value,
                                      static_cases[i].quoted));

  /* 300 characters on one line, plain and quoted: never folded */
  while (long_plain->len < 299)
    g_string_append (long_plain, "lorem ipsum dolor sit amet ");
  g_string_truncate (long_plain, 299);
  g_string_append_c (long_plain, 'x');
  g_assert_cmpuint (long_plain->len, ==, 300);

  long_quoted = g_string_new (long_plain->str);
  long_quoted->str[150] = ':';
  long_quoted->str[151] = ' ';

  g_ptr_array_add (cases, case_new (long_plain->str, FALSE));
  g_ptr_array_add (cases, case_new (long_quoted->str, TRUE));

  return cases;
}

static char *
case_key (guint i)
{
  return g_strdup_printf ("k%03u", i);
}

/* The hostile mapping: one pair per case, then an integer and a null. */
static char *
emit_cases (GPtrArray *cases)
{
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autoptr(GError) error = NULL;
  char *text;

  lectern_yaml_writer_begin_mapping (writer);
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *key = case_key (i);

      lectern_yaml_writer_pair (writer, key, c->value);
    }
  lectern_yaml_writer_pair_int (writer, "count", 3);
  lectern_yaml_writer_pair (writer, "description", NULL);
  lectern_yaml_writer_end_mapping (writer);

  text = lectern_yaml_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static yaml_document_t *
parse_document (const char *text)
{
  yaml_parser_t parser;
  yaml_document_t *document = g_new0 (yaml_document_t, 1);

  g_assert_true (yaml_parser_initialize (&parser));
  yaml_parser_set_input_string (&parser, (const unsigned char *) text,
                                strlen (text));
  if (!yaml_parser_load (&parser, document))
    g_error ("libyaml could not parse the output: %s (line %zu)\n%s",
             parser.problem, parser.problem_mark.line + 1, text);
  yaml_parser_delete (&parser);

  g_assert_nonnull (yaml_document_get_root_node (document));

  return document;
}

static void
free_document (yaml_document_t *document)
{
  yaml_document_delete (document);
  g_free (document);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (yaml_document_t, free_document)

static void
assert_scalar (yaml_document_t     *document,
               int                  index,
               const char          *expected,
               yaml_scalar_style_t  style)
{
  yaml_node_t *node = yaml_document_get_node (document, index);
  g_autofree char *actual = NULL;

  g_assert_nonnull (node);
  g_assert_cmpint (node->type, ==, YAML_SCALAR_NODE);
  actual = g_strndup ((const char *) node->data.scalar.value,
                      node->data.scalar.length);
  g_assert_cmpuint (node->data.scalar.length, ==, strlen (expected));
  g_assert_cmpstr (actual, ==, expected);
  if (node->data.scalar.style != style)
    g_error ("“%s” came back in style %d, not %d",
             expected, node->data.scalar.style, style);
}

static void
test_needs_quotes (void)
{
  g_autoptr(GPtrArray) cases = make_cases ();

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);

      if (lectern_yaml_string_needs_quotes (c->value) != c->quoted)
        g_error ("needs_quotes (“%s”) should be %s",
                 c->value, c->quoted ? "TRUE" : "FALSE");
    }
}

/* The shortcut that skips the resolver patterns decides as they do:
 * every string of up to 9 characters over an alphabet of what numbers,
 * dates, booleans and nulls are made of (and a few other characters), at
 * random, 300,000 times, and a list of near misses.
 */
static void
test_prefilter (void)
{
  static const char alphabet[] = "0123456789+-._,: \tTZxobeEaf:nNiIlsuyY~<=/pq";
  static const char *near[] = {
    "2023-07-29", "2023-7-9 1:02:03", "1_000,000", "0x1F_", "-.inf", "+.Inf", ".NaN",
    "1:20:30.5", "......", "-.e+5", "12e3", "1.5E+10", "0o17", "false", "FALSE",
    "null", "Null", "~", "<<", "=", ":sym", ":x y", "2023-07-29T12:00:00Z",
    "2023-07-29 12:00:00 +05:30", "9:00am", "Person1 Family1", "Talk 12: on things",
    "https://example.org/~p12", "<b>Ann</b> <br> O", "1,2,3,4,5,6", "   12  ",
    NULL,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  char value[10];

  for (guint i = 0; near[i] != NULL; i++)
    g_assert_cmpint (lectern_yaml_string_matches_implicit (near[i], TRUE), ==,
                     lectern_yaml_string_matches_implicit (near[i], FALSE));

  for (guint n = 0; n < 300000; n++)
    {
      int len = g_rand_int_range (rand, 0, sizeof value);

      for (int i = 0; i < len; i++)
        value[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      value[len] = '\0';

      if (lectern_yaml_string_matches_implicit (value, TRUE) !=
          lectern_yaml_string_matches_implicit (value, FALSE))
        g_error ("the shortcut and the patterns disagree on “%s”", value);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) cases = make_cases ();
  g_autofree char *text = emit_cases (cases);
  g_autoptr(yaml_document_t) document = parse_document (text);
  g_auto(GStrv) lines = NULL;
  yaml_node_t *root = yaml_document_get_root_node (document);
  guint n_pairs;

  g_test_message ("%s", text);

  /* No document markers, and one line per pair: nothing was folded, and
   * multi-line values were written double-quoted on a single line. */
  g_assert_false (g_str_has_prefix (text, "---"));
  g_assert_null (strstr (text, "\n..."));
  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  n_pairs = cases->len + 2;
  g_assert_cmpuint (g_strv_length (lines), ==, n_pairs + 1);
  g_assert_cmpstr (lines[n_pairs], ==, "");

  /* Emoji and right-to-left text as UTF-8, not escapes */
  g_assert_null (strstr (text, "\\U"));
  g_assert_nonnull (strstr (text, "\"🔥 Session I: Large-Scale\""));
  g_assert_nonnull (strstr (text, ": 🧑‍🎓\n"));
  g_assert_nonnull (strstr (text, ": שלום עולם\n"));

  g_assert_cmpint (root->type, ==, YAML_MAPPING_NODE);
  g_assert_cmpint (root->data.mapping.pairs.top - root->data.mapping.pairs.start,
                   ==, n_pairs);

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      yaml_node_pair_t *pair = root->data.mapping.pairs.start + i;
      g_autofree char *key = case_key (i);

      assert_scalar (document, pair->key, key, YAML_PLAIN_SCALAR_STYLE);
      assert_scalar (document, pair->value, c->value,
                     c->quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                               : YAML_PLAIN_SCALAR_STYLE);
    }

  assert_scalar (document, root->data.mapping.pairs.start[cases->len].value,
                 "3", YAML_PLAIN_SCALAR_STYLE);
  assert_scalar (document, root->data.mapping.pairs.start[cases->len + 1].value,
                 "", YAML_PLAIN_SCALAR_STYLE);
}

static char *
finish_ok (LecternYamlWriter *writer)
{
  g_autoptr(GError) error = NULL;
  char *text = lectern_yaml_writer_finish (writer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static void
test_int (void)
{
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *text = NULL;
  g_autoptr(yaml_document_t) document = NULL;
  yaml_node_t *root;

  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair_int (writer, "count", 3);
  lectern_yaml_writer_pair_int (writer, "zero", 0);
  lectern_yaml_writer_pair_int (writer, "negative", -42);
  lectern_yaml_writer_pair_int (writer, "max", G_MAXINT64);
  lectern_yaml_writer_pair_int (writer, "min", G_MININT64);
  lectern_yaml_writer_end_mapping (writer);
  text = finish_ok (writer);

  g_assert_cmpstr (text, ==,
                   "count: 3\n"
                   "zero: 0\n"
                   "negative: -42\n"
                   "max: 9223372036854775807\n"
                   "min: -9223372036854775808\n");

  document = parse_document (text);
  root = yaml_document_get_root_node (document);
  assert_scalar (document, root->data.mapping.pairs.start[0].value, "3",
                 YAML_PLAIN_SCALAR_STYLE);
  assert_scalar (document, root->data.mapping.pairs.start[4].value,
                 "-9223372036854775808", YAML_PLAIN_SCALAR_STYLE);
}

static void
test_null (void)
{
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *text = NULL;
  g_autoptr(yaml_document_t) document = NULL;
  yaml_node_t *root;

  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "description", NULL);
  lectern_yaml_writer_pair (writer, "empty", "");
  lectern_yaml_writer_string (writer, NULL);    /* a null key */
  lectern_yaml_writer_string (writer, "null key");
  lectern_yaml_writer_end_mapping (writer);
  text = finish_ok (writer);

  g_assert_cmpstr (text, ==,
                   "description:\n"
                   "empty: \"\"\n"
                   "~: null key\n");

  document = parse_document (text);
  root = yaml_document_get_root_node (document);
  assert_scalar (document, root->data.mapping.pairs.start[0].value, "",
                 YAML_PLAIN_SCALAR_STYLE);
  assert_scalar (document, root->data.mapping.pairs.start[1].value, "",
                 YAML_DOUBLE_QUOTED_SCALAR_STYLE);
  assert_scalar (document, root->data.mapping.pairs.start[2].key, "~",
                 YAML_PLAIN_SCALAR_STYLE);
}

static void
test_nested (void)
{
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *text = NULL;

  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "title", "Talk");

  lectern_yaml_writer_string (writer, "speakers");
  lectern_yaml_writer_begin_sequence (writer);
  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "name", "<b>Tri</b> <br> Dao");
  lectern_yaml_writer_pair (writer, "affiliation", "Stanford University, Together");
  lectern_yaml_writer_end_mapping (writer);
  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "name", "yes");
  lectern_yaml_writer_end_mapping (writer);
  lectern_yaml_writer_end_sequence (writer);

  lectern_yaml_writer_string (writer, "tags");
  lectern_yaml_writer_begin_sequence (writer);
  lectern_yaml_writer_string (writer, "ml");
  lectern_yaml_writer_string (writer, "2023");
  lectern_yaml_writer_string (writer, NULL);
  lectern_yaml_writer_raw_plain (writer, "7");
  lectern_yaml_writer_end_sequence (writer);

  lectern_yaml_writer_string (writer, "none");
  lectern_yaml_writer_begin_sequence (writer);
  lectern_yaml_writer_end_sequence (writer);

  lectern_yaml_writer_string (writer, "nothing");
  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_end_mapping (writer);

  lectern_yaml_writer_string (writer, "map");
  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "on", "off");
  lectern_yaml_writer_end_mapping (writer);
  lectern_yaml_writer_end_mapping (writer);

  text = finish_ok (writer);
  g_assert_cmpstr (text, ==,
                   "title: Talk\n"
                   "speakers:\n"
                   "- name: <b>Tri</b> <br> Dao\n"
                   "  affiliation: Stanford University, Together\n"
                   "- name: \"yes\"\n"
                   "tags:\n"
                   "- ml\n"
                   "- \"2023\"\n"
                   "-\n"
                   "- 7\n"
                   "none: []\n"
                   "nothing: {}\n"
                   "map:\n"
                   "  \"on\": \"off\"\n");
}

static void
test_astral (void)
{
  const char *values[] = {
    "🔥",
    "\xef\xb7\x90",                                   /* U+FDD0, the mark */
    "\xef\xb7\x90\xef\xb7\x90",
    "\xef\xb7\x90\xee\x80\x81\xee\x80\x82",           /* mark + payload */
    "🔥\xef\xb7\x90🔥",
    "\xf4\x8f\xbf\xbd",                               /* U+10FFFD */
    "\xf0\x90\x80\x80",                               /* U+10000 */
    "a\n🔥\tb",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢: 𝕋𝕖𝕩𝕥",
  };
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *text = NULL;
  g_autoptr(yaml_document_t) document = NULL;
  yaml_node_t *root;

  lectern_yaml_writer_begin_sequence (writer);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    lectern_yaml_writer_string (writer, values[i]);
  lectern_yaml_writer_end_sequence (writer);
  text = finish_ok (writer);

  g_assert_true (g_str_has_prefix (text, "- 🔥\n"));
  g_assert_null (strstr (text, "\\U"));
  g_assert_nonnull (strstr (text, "- \"a\\n🔥\\tb\"\n"));

  document = parse_document (text);
  root = yaml_document_get_root_node (document);
  g_assert_cmpint (root->type, ==, YAML_SEQUENCE_NODE);
  g_assert_cmpint (root->data.sequence.items.top - root->data.sequence.items.start,
                   ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    assert_scalar (document, root->data.sequence.items.start[i], values[i],
                   lectern_yaml_string_needs_quotes (values[i])
                     ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                     : YAML_PLAIN_SCALAR_STYLE);
}

static void
assert_finish_fails (LecternYamlWriter *writer,
                     const char        *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lectern_yaml_writer_finish (writer, &error);

  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  if (strstr (error->message, message_part) == NULL)
    g_error ("error “%s” does not mention “%s”", error->message, message_part);
}

static void
test_errors (void)
{
  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_end_mapping (writer);
    /* latched: everything after is a no-op, even a valid document */
    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_pair (writer, "a", "b");
    lectern_yaml_writer_end_mapping (writer);
    assert_finish_fails (writer, "end_mapping()");
    assert_finish_fails (writer, "end_mapping()");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_pair (writer, "a", "b");
    assert_finish_fails (writer, "unended");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_string (writer, "key");
    lectern_yaml_writer_end_mapping (writer);
    assert_finish_fails (writer, "without a value");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_sequence (writer);
    lectern_yaml_writer_end_mapping (writer);
    assert_finish_fails (writer, "end_mapping()");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_end_sequence (writer);
    assert_finish_fails (writer, "end_sequence()");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_string (writer, "one");
    lectern_yaml_writer_string (writer, "two");
    assert_finish_fails (writer, "single root");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    assert_finish_fails (writer, "empty");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_string (writer, "a");
    lectern_yaml_writer_raw_plain (writer, "a: b");
    lectern_yaml_writer_end_mapping (writer);
    assert_finish_fails (writer, "plain");
  }

  {
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
    g_autofree char *text = NULL;

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_end_mapping (writer);
    text = finish_ok (writer);
    g_assert_cmpstr (text, ==, "{}\n");
    /* finished: nothing more */
    lectern_yaml_writer_begin_mapping (writer);
    assert_finish_fails (writer, "already finished");
  }

  {
    /* freeing an unfinished writer does not leak */
    g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();

    lectern_yaml_writer_begin_mapping (writer);
    lectern_yaml_writer_string (writer, "key");
    lectern_yaml_writer_begin_sequence (writer);
    lectern_yaml_writer_string (writer, "🔥");
  }
}

static void
test_invalid_utf8 (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* Let the critical through so that the latched error can be seen. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);

      lectern_yaml_writer_begin_mapping (writer);
      lectern_yaml_writer_string (writer, "key");
      lectern_yaml_writer_string (writer, "bad \xff value");
      lectern_yaml_writer_end_mapping (writer);
      text = lectern_yaml_writer_finish (writer, &error);
      g_assert_null (text);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_print ("latched: %s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*CRITICAL*g_utf8_validate*");
  g_test_trap_assert_stdout ("*latched: *UTF-8*");
}

static char *
hex (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    g_string_append_printf (out, "%02x", *p);

  return g_string_free (out, FALSE);
}

/* The same Psych call as Jekyll::Utils.safe_load_yaml; one line per pair:
 * key class, key bytes, value class, value bytes (hex, so that any string
 * survives the trip). */
static const char ruby_script[] =
  "d = YAML.safe_load(File.read(ARGV[0], encoding: 'UTF-8'),"
  "                   permitted_classes: [Date, Time], aliases: true)\n"
  "d.each do |k, v|\n"
  "  puts [k.class.name, k.to_s.unpack1('H*'),"
  "        v.class.name, v.to_s.unpack1('H*')].join(' ')\n"
  "end\n";

/* Loads @text with Psych; returns its lines of output. */
static char **
run_psych (const char *ruby,
           const char *text)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  int fd;

  fd = g_file_open_tmp ("lectern-yaml-XXXXXX.yml", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = {
      ruby, "-ryaml", "-rdate", "-e", ruby_script, path, NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &wait_status, &error);
    g_assert_no_error (error);
  }
  g_unlink (path);

  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("ruby failed (%s):\n%s\non:\n%s", error->message, err, text);

  return g_strsplit (out, "\n", -1);
}

static void
assert_psych_line (const char *line,
                   const char *key,
                   const char *expected_class,
                   const char *value)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);
  g_autofree char *key_hex = hex (key);
  g_autofree char *value_hex = hex (value);

  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  if (g_strcmp0 (fields[0], "String") != 0
      || g_strcmp0 (fields[1], key_hex) != 0
      || g_strcmp0 (fields[2], expected_class) != 0
      || g_strcmp0 (fields[3], value_hex) != 0)
    g_error ("Psych read %s %s => %s %s, expected String “%s” => %s “%s”",
             fields[0], fields[1], fields[2], fields[3],
             key, expected_class, value);
}

static void
test_psych (void)
{
  const char *keys[] = { "yes", "null", "1", "on", ":k", "<<", "a: b", "",
                         "2023-07-29", "1:20", "🔥", " k ", "~", "=" };
  g_autofree char *ruby = g_find_program_in_path ("ruby");
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(LecternYamlWriter) writer = NULL;
  g_autofree char *keys_text = NULL;
  g_auto(GStrv) keys_lines = NULL;

  if (ruby == NULL)
    {
      if (g_strcmp0 (g_getenv ("LECTERN_REQUIRE_RUBY"), "1") == 0)
        g_test_fail_printf ("ruby is not on PATH, and LECTERN_REQUIRE_RUBY=1");
      else
        g_test_skip ("ruby is not on PATH");
      return;
    }

  /* Every hostile value */
  cases = make_cases ();
  text = emit_cases (cases);
  lines = run_psych (ruby, text);
  g_assert_cmpuint (g_strv_length (lines), ==, cases->len + 2 + 1);

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *key = case_key (i);

      assert_psych_line (lines[i], key, "String", c->value);
    }
  assert_psych_line (lines[cases->len], "count", "Integer", "3");
  assert_psych_line (lines[cases->len + 1], "description", "NilClass", "");

  /* Hostile keys */
  writer = lectern_yaml_writer_new ();
  lectern_yaml_writer_begin_mapping (writer);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    lectern_yaml_writer_pair (writer, keys[i], "v");
  lectern_yaml_writer_end_mapping (writer);
  keys_text = finish_ok (writer);

  keys_lines = run_psych (ruby, keys_text);
  g_assert_cmpuint (g_strv_length (keys_lines), ==, G_N_ELEMENTS (keys) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_psych_line (keys_lines[i], keys[i], "String", "v");
}

/* Hostile keys survive, too. */
static void
test_keys (void)
{
  const char *keys[] = { "yes", "null", "1", "on", ":k", "<<", "a: b", "",
                         "2023-07-29", "🔥", " k " };
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *text = NULL;
  g_autoptr(yaml_document_t) document = NULL;
  yaml_node_t *root;

  lectern_yaml_writer_begin_mapping (writer);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    lectern_yaml_writer_pair (writer, keys[i], "v");
  lectern_yaml_writer_end_mapping (writer);
  text = finish_ok (writer);

  document = parse_document (text);
  root = yaml_document_get_root_node (document);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_scalar (document, root->data.mapping.pairs.start[i].key, keys[i],
                   lectern_yaml_string_needs_quotes (keys[i])
                     ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                     : YAML_PLAIN_SCALAR_STYLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yaml-writer/needs-quotes", test_needs_quotes);
  g_test_add_func ("/yaml-writer/prefilter", test_prefilter);
  g_test_add_func ("/yaml-writer/round-trip", test_round_trip);
  g_test_add_func ("/yaml-writer/int", test_int);
  g_test_add_func ("/yaml-writer/null", test_null);
  g_test_add_func ("/yaml-writer/nested", test_nested);
  g_test_add_func ("/yaml-writer/astral", test_astral);
  g_test_add_func ("/yaml-writer/keys", test_keys);
  g_test_add_func ("/yaml-writer/errors", test_errors);
  g_test_add_func ("/yaml-writer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/yaml-writer/psych", test_psych);

  return g_test_run ();
}
