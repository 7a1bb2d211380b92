/* lectern-yaml-writer.c - a small block-style YAML writer over libyaml's emitter
 *
 * Copyright 2025 The Lectern authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "Lectern"
#endif

#include "lectern-yaml-writer.h"

#include <gio/gio.h>
#include <string.h>
#include <yaml.h>

/*
 * Characters outside the Basic Multilingual Plane (emoji, for one) are never
 * "printable" for libyaml 0.2.5 (its IS_PRINTABLE stops at U+FFFD), so it
 * insists on double quotes and writes them as "\U0001F525" escapes whatever
 * yaml_emitter_set_unicode() says.  YAML itself allows them anywhere a letter
 * may stand, plain or quoted.
 *
 * So before a value reaches libyaml, each such character is replaced by
 * three BMP characters that libyaml does treat as ordinary printable letters:
 * ESCAPE_MARK (a Unicode noncharacter, meant for exactly this kind of
 * process-internal use) followed by two private-use characters that carry
 * 10 bits each.  A literal ESCAPE_MARK in the input is doubled.  Once libyaml
 * has written the document, the encoding is undone on its output.  The
 * encoding is a bijection, libyaml copies printable characters through
 * unchanged, and with an unlimited width it never breaks a line between
 * two non-space characters, so the result is exactly what libyaml would have
 * written had it known these characters are printable.
 */
#define ESCAPE_MARK  0xFDD0
#define PAYLOAD_BASE 0xE000

typedef enum {
  FRAME_SEQUENCE,
  FRAME_MAPPING_KEY,
  FRAME_MAPPING_VALUE,
} Frame;

struct _LecternYamlWriter
{
  yaml_emitter_t  emitter;
  gboolean        emitter_initialized;
  GString        *output;
  GArray         *frames;       /* of Frame, innermost last */
  gboolean        have_root;
  gboolean        encoded;      /* some value went through encode_astral() */
  GError         *error;        /* the first failure; latches */
};

/* ------------------------------------------------------------------------ */
/* What a YAML 1.1 reader would resolve to something other than a string    */
/* ------------------------------------------------------------------------ */

/*
 * Each pattern is matched against the whole value.  They are the implicit
 * resolvers of YAML 1.1 (yaml.org/type/, as PyYAML lists them), of Ruby's
 * Psych::ScalarScanner (which Jekyll uses, and which is laxer: commas in
 * numbers, case-insensitive null/booleans, dates without leading zeros), and
 * of the YAML 1.2 core schema for good measure.  Overlap is intended: a value
 * matching any of them is double-quoted, and quoting a harmless string costs
 * nothing.
 */
static const char * const implicit_patterns[] = {
  /* null: YAML 1.1 ~|null|Null|NULL; Psych compares case-insensitively */
  "(?i:~|null)",

  /* bool: YAML 1.1; Psych compares case-insensitively */
  "(?i:y|yes|n|no|true|false|on|off)",

  /* int: YAML 1.1 (binary, octal, decimal, hex, sexagesimal) */
  "[-+]?0b[0-1_]+"
  "|[-+]?0[0-7_]+"
  "|[-+]?(?:0|[1-9][0-9_]*)"
  "|[-+]?0x[0-9a-fA-F_]+"
  "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",

  /* int: Psych, which also takes commas, and sexagesimal from any digit */
  "[-+]?0b[0-1_,]+"
  "|[-+]?0[0-7_,]+"
  "|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)"
  "|[-+]?0x[0-9a-fA-F_,]+"
  "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}",

  /* int: YAML 1.2 core */
  "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+",

  /* float: YAML 1.1 as yaml.org/type/float.html writes it */
  "[-+]?(?:[0-9][0-9_]*)?\\.[0-9.]*(?:[eE][-+][0-9]+)?"
  "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
  "|[-+]?\\.(?:inf|Inf|INF)"
  "|\\.(?:nan|NaN|NAN)",

  /* float: YAML 1.1 as PyYAML resolves it (exponent without a dot, '_') */
  "[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
  "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",

  /* float: Psych (commas; "-.e+5" even makes it raise) */
  "[-+]?(?:[0-9][0-9_,]*)?\\.[0-9]*(?:[eE][-+][0-9]+)?"
  "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\\.[0-9_]*"
  "|(?i:[-+]?\\.(?:inf|nan))",

  /* float: YAML 1.2 core */
  "[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?",

  /* timestamp: YAML 1.1 */
  "[0-9]{4}-[0-9]{2}-[0-9]{2}"
  "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
  "(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
  "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?",

  /* timestamp: Psych (a leading '-', an optional ':' in the offset) */
  "-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
  "(?:[Tt]|[ \\t\\r\\n\\f\\v]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
  "(?:[ \\t\\r\\n\\f\\v]*(?:Z|[-+][0-9]{1,2}:?(?:[0-9]{2})?))?",

  /* date: Psych (single-digit month and day) */
  "[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])",

  /* merge key and value key: YAML 1.1 */
  "<<",
  "=",

  /* symbol: Psych makes ":foo" a Symbol, which safe_load refuses */
  "(?s::.*)",
};

static GRegex **
get_implicit_regexes (void)
{
  static GRegex **regexes = NULL;

  if (g_once_init_enter (&regexes))
    {
      GRegex **compiled = g_new0 (GRegex *, G_N_ELEMENTS (implicit_patterns) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (implicit_patterns); i++)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *anchored = g_strdup_printf ("\\A(?:%s)\\z",
                                                       implicit_patterns[i]);

          compiled[i] = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, &local_error);
          if (compiled[i] == NULL)
            g_error ("Invalid YAML resolver pattern %s: %s",
                     anchored, local_error->message);
        }

      g_once_init_leave (&regexes, compiled);
    }

  return regexes;
}

/* ------------------------------------------------------------------------ */
/* What libyaml 0.2.5 will write plain (yaml_emitter_analyze_scalar)        */
/* ------------------------------------------------------------------------ */

/* g_utf8_get_char() and g_utf8_next_char(), without a call for ASCII */
static inline gunichar
get_char (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);
}

static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

static gboolean
is_break (gunichar c)
{
  return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static gboolean
is_blankz (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\0' || is_break (c);
}

/* libyaml's IS_PRINTABLE, except that characters beyond U+FFFF count as
 * printable: they are encoded before libyaml sees them (see ESCAPE_MARK). */
static gboolean
is_printable (gunichar c)
{
  return c == '\n'
         || (c >= 0x20 && c <= 0x7E)
         || (c >= 0xA0 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Whether libyaml's emitter would keep a block-context plain scalar plain
 * rather than falling back to single quotes.  This mirrors
 * yaml_emitter_analyze_scalar() and yaml_emitter_select_scalar_style() of
 * libyaml 0.2.5 for block (not flow) context with unicode output on.
 */
static gboolean
libyaml_allows_plain (const char *value,
                      gboolean    simple_key)
{
  gboolean preceded_by_whitespace = TRUE;
  gunichar c = 0;

  if (*value == '\0')
    return !simple_key;

  if (g_str_has_prefix (value, "---") || g_str_has_prefix (value, "..."))
    return FALSE;

  for (const char *p = value; *p != '\0'; p = next_char (p))
    {
      const char *next = next_char (p);
      gboolean followed_by_whitespace = is_blankz (get_char (next));

      c = get_char (p);

      if (p == value)
        {
          if (c < 0x80 && strchr ("#,[]{}&*!|>'\"%@`", (int) c) != NULL)
            return FALSE;
          if ((c == '?' || c == ':' || c == '-') && followed_by_whitespace)
            return FALSE;
          if (c == ' ')
            return FALSE;
        }
      else
        {
          if (c == ':' && followed_by_whitespace)
            return FALSE;
          if (c == '#' && preceded_by_whitespace)
            return FALSE;
        }

      if (!is_printable (c) || is_break (c))
        return FALSE;

      preceded_by_whitespace = is_blankz (c);
    }

  /* trailing space */
  if (c == ' ')
    return FALSE;

  return TRUE;
}

static gboolean needs_quotes (const char *value);

/**
 * lectern_yaml_string_needs_quotes:
 * @value: a UTF-8 string
 *
 * Whether @value has to be written double-quoted so that a YAML 1.1 reader
 * (Psych in particular) reads it back as this very string.
 *
 * Returns: %FALSE if a plain scalar is safe for @value
 */
gboolean
lectern_yaml_string_needs_quotes (const char *value)
{
  g_return_val_if_fail (value != NULL, TRUE);
  g_return_val_if_fail (g_utf8_validate (value, -1, NULL), TRUE);

  return needs_quotes (value);
}

/* The characters a number, a timestamp, .inf or .nan can be made of, in
 * any of the patterns above.
 */
#define NUMERIC_CHARS "0123456789+-._,: \t\r\n\f\v" "xXoObB" "abcdefABCDEF" "TtZ" "iInN"

/* The words the null, boolean and merge patterns match, in any case. */
static const char * const implicit_words[] = {
  "~", "null", "y", "yes", "n", "no", "true", "false", "on", "off", "<<", "=", NULL,
};

/* Whether any of the patterns could match: a symbol (":…"), one of the
 * words above, or a string of NUMERIC_CHARS only. Anything else (nearly
 * every name, title and address) is decided without running the regexes.
 */
static gboolean
could_be_implicit (const char *value)
{
  static guint8 numeric[256];   /* 1 for each byte of NUMERIC_CHARS */
  static gsize numeric_ready = 0;
  const guchar *p;
  gsize len;

  if (g_once_init_enter (&numeric_ready))
    {
      for (const char *c = NUMERIC_CHARS; *c != '\0'; c++)
        numeric[(guchar) *c] = 1;
      g_once_init_leave (&numeric_ready, 1);
    }

  if (value[0] == ':')
    return TRUE;

  for (p = (const guchar *) value; numeric[*p]; p++)
    ;
  if (*p == '\0')
    return TRUE;

  /* the longest word is "false" */
  len = (const char *) p - value + strlen ((const char *) p);
  if (len > 5)
    return FALSE;

  for (guint i = 0; implicit_words[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, implicit_words[i]) == 0)
      return TRUE;

  return FALSE;
}

/*
 * Whether a YAML 1.1 (or Psych, or 1.2 core) reader would resolve the
 * plain scalar @value to something other than a string. With @prefilter,
 * the regexes run only where one could match; without, always (the
 * tests compare the two).
 */
gboolean
lectern_yaml_string_matches_implicit (const char *value,
                                      gboolean    prefilter)
{
  static GMutex lock;
  static GHashTable *seen = NULL;   /* value -> GINT_TO_POINTER (1 + matches) */
  GRegex **regexes;
  gpointer known;
  gboolean matches = FALSE;

  g_return_val_if_fail (value != NULL, TRUE);

  if (prefilter && !could_be_implicit (value))
    return FALSE;

  /* the few values that get here (times, dates, numbers) repeat across
   * an export: each is matched against the patterns once
   */
  if (prefilter)
    {
      g_mutex_lock (&lock);
      known = seen ? g_hash_table_lookup (seen, value) : NULL;
      g_mutex_unlock (&lock);
      if (known != NULL)
        return GPOINTER_TO_INT (known) - 1;
    }

  regexes = get_implicit_regexes ();
  for (guint i = 0; regexes[i] != NULL && !matches; i++)
    matches = g_regex_match (regexes[i], value, 0, NULL);

  if (prefilter && strlen (value) <= 32)
    {
      g_mutex_lock (&lock);
      if (seen == NULL || g_hash_table_size (seen) >= 4096)
        {
          g_clear_pointer (&seen, g_hash_table_unref);
          seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }
      g_hash_table_insert (seen, g_strdup (value), GINT_TO_POINTER (1 + matches));
      g_mutex_unlock (&lock);
    }

  return matches;
}

/* lectern_yaml_string_needs_quotes() for a string known to be UTF-8 */
static gboolean
needs_quotes (const char *value)
{
  gunichar first, last;

  /* The empty string would read as null. */
  if (*value == '\0')
    return TRUE;

  /* Whatever libyaml would not write plain (indicators, ": ", " #",
   * breaks, control characters, leading or trailing spaces, ...).  Ask as
   * for a mapping key, the stricter of the two contexts. */
  if (!libyaml_allows_plain (value, TRUE))
    return TRUE;

  /* Leading and trailing white space of any kind: a plain scalar loses
   * YAML white space, and odd spaces at the edges are worth seeing. */
  first = g_utf8_get_char (value);
  last = g_utf8_get_char (g_utf8_find_prev_char (value, value + strlen (value)));
  if (g_unichar_isspace (first) || g_unichar_isspace (last))
    return TRUE;

  return lectern_yaml_string_matches_implicit (value, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Characters beyond the BMP                                                */
/* ------------------------------------------------------------------------ */

/* Returns NULL when @value can go to libyaml as it is. */
static char *
encode_astral (const char *value)
{
  GString *encoded = NULL;
  const char *p;

  if (g_str_is_ascii (value))
    return NULL;

  for (p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x10000 || c == ESCAPE_MARK)
        break;
    }

  if (*p == '\0')
    return NULL;

  encoded = g_string_sized_new (strlen (value) + 16);
  g_string_append_len (encoded, value, p - value);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ESCAPE_MARK)
        {
          g_string_append_unichar (encoded, ESCAPE_MARK);
          g_string_append_unichar (encoded, ESCAPE_MARK);
        }
      else if (c >= 0x10000)
        {
          guint32 bits = c - 0x10000;

          g_string_append_unichar (encoded, ESCAPE_MARK);
          g_string_append_unichar (encoded, PAYLOAD_BASE + (bits >> 10));
          g_string_append_unichar (encoded, PAYLOAD_BASE + (bits & 0x3FF));
        }
      else
        {
          g_string_append_len (encoded, p, g_utf8_next_char (p) - p);
        }
    }

  return g_string_free (encoded, FALSE);
}

static gboolean
is_payload (gunichar c)
{
  return c >= PAYLOAD_BASE && c < PAYLOAD_BASE + 0x400;
}

/* Undoes encode_astral() on libyaml's output.  Every ESCAPE_MARK in the
 * output came from encode_astral(): a literal one was doubled. */
static char *
decode_astral (const char  *text,
               GError     **error)
{
  g_autoptr(GString) decoded = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c != ESCAPE_MARK)
        {
          g_string_append_len (decoded, p, next - p);
          p = next;
          continue;
        }

      if (g_utf8_get_char (next) == ESCAPE_MARK)
        {
          g_string_append_unichar (decoded, ESCAPE_MARK);
          p = g_utf8_next_char (next);
          continue;
        }

      {
        gunichar high = g_utf8_get_char (next);
        const char *low_p = *next != '\0' ? g_utf8_next_char (next) : next;
        gunichar low = g_utf8_get_char (low_p);
        guint32 bits;

        if (!is_payload (high) || !is_payload (low))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         "Internal error: libyaml split an encoded character");
            return NULL;
          }

        bits = ((high - PAYLOAD_BASE) << 10) | (low - PAYLOAD_BASE);
        g_string_append_unichar (decoded, 0x10000 + bits);
        p = g_utf8_next_char (low_p);
      }
    }

  return g_string_free (g_steal_pointer (&decoded), FALSE);
}

/* ------------------------------------------------------------------------ */
/* The writer                                                               */
/* ------------------------------------------------------------------------ */

G_GNUC_PRINTF (2, 3)
static void
writer_set_error (LecternYamlWriter *self,
                  const char        *format,
                  ...)
{
  va_list args;

  if (self->error != NULL)
    return;

  va_start (args, format);
  self->error = g_error_new_valist (G_IO_ERROR, G_IO_ERROR_FAILED, format, args);
  va_end (args);
}

static void
writer_set_emitter_error (LecternYamlWriter *self)
{
  switch (self->emitter.error)
    {
    case YAML_MEMORY_ERROR:
      writer_set_error (self, "YAML emitter: out of memory");
      break;

    case YAML_WRITER_ERROR:
    case YAML_EMITTER_ERROR:
      writer_set_error (self, "YAML emitter: %s",
                        self->emitter.problem != NULL ? self->emitter.problem
                                                      : "unknown error");
      break;

    case YAML_NO_ERROR:
    case YAML_READER_ERROR:
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
    case YAML_COMPOSER_ERROR:
    default:
      writer_set_error (self, "YAML emitter: unknown error");
      break;
    }
}

static int
write_handler (void          *data,
               unsigned char *buffer,
               size_t         size)
{
  LecternYamlWriter *self = data;

  g_string_append_len (self->output, (const char *) buffer, size);

  return 1;
}

/* Takes @event whatever happens. */
static void
writer_emit (LecternYamlWriter *self,
             yaml_event_t      *event)
{
  if (self->error != NULL)
    {
      yaml_event_delete (event);
      return;
    }

  if (!yaml_emitter_emit (&self->emitter, event))
    writer_set_emitter_error (self);
}

static Frame *
writer_top (LecternYamlWriter *self)
{
  if (self->frames->len == 0)
    return NULL;

  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

/* Accounts for one more node at the current position.  Returns FALSE (with
 * the error latched) if there is no room for one; sets *is_key. */
static gboolean
writer_begin_node (LecternYamlWriter *self,
                   gboolean          *is_key)
{
  Frame *top;

  *is_key = FALSE;

  if (self->error != NULL)
    return FALSE;

  top = writer_top (self);
  if (top == NULL)
    {
      if (self->have_root)
        {
          writer_set_error (self, "A YAML document has a single root node");
          return FALSE;
        }
      self->have_root = TRUE;
      return TRUE;
    }

  switch (*top)
    {
    case FRAME_MAPPING_KEY:
      *is_key = TRUE;
      *top = FRAME_MAPPING_VALUE;
      break;

    case FRAME_MAPPING_VALUE:
      *top = FRAME_MAPPING_KEY;
      break;

    case FRAME_SEQUENCE:
    default:
      break;
    }

  return TRUE;
}

static void
writer_scalar (LecternYamlWriter  *self,
               const char         *value,
               yaml_scalar_style_t style)
{
  g_autofree char *encoded = NULL;
  yaml_event_t event;

  encoded = encode_astral (value);
  if (encoded != NULL)
    {
      self->encoded = TRUE;
      value = encoded;
    }

  if (!yaml_scalar_event_initialize (&event, NULL, NULL,
                                     (yaml_char_t *) value, (int) strlen (value),
                                     1, 1, style))
    {
      writer_set_error (self, "Could not create a YAML scalar event");
      return;
    }

  writer_emit (self, &event);
}

/**
 * lectern_yaml_writer_new:
 *
 * Creates a writer for one block-style document, written without `---`
 * and `...` markers.
 *
 * Returns: (transfer full): a new writer
 */
LecternYamlWriter *
lectern_yaml_writer_new (void)
{
  LecternYamlWriter *self = g_new0 (LecternYamlWriter, 1);
  yaml_event_t event;

  self->output = g_string_new (NULL);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  if (!yaml_emitter_initialize (&self->emitter))
    {
      writer_set_error (self, "Could not initialize the YAML emitter");
      return self;
    }
  self->emitter_initialized = TRUE;

  yaml_emitter_set_output (&self->emitter, write_handler, self);
  yaml_emitter_set_encoding (&self->emitter, YAML_UTF8_ENCODING);
  yaml_emitter_set_unicode (&self->emitter, 1);
  yaml_emitter_set_width (&self->emitter, -1);
  yaml_emitter_set_indent (&self->emitter, 2);
  yaml_emitter_set_break (&self->emitter, YAML_LN_BREAK);

  if (yaml_stream_start_event_initialize (&event, YAML_UTF8_ENCODING))
    writer_emit (self, &event);
  else
    writer_set_error (self, "Could not create a YAML stream event");

  if (yaml_document_start_event_initialize (&event, NULL, NULL, NULL, 1))
    writer_emit (self, &event);
  else
    writer_set_error (self, "Could not create a YAML document event");

  return self;
}

/**
 * lectern_yaml_writer_free:
 * @self: (transfer full) (nullable): a writer
 *
 * Frees @self, finished or not.
 */
void
lectern_yaml_writer_free (LecternYamlWriter *self)
{
  if (self == NULL)
    return;

  if (self->emitter_initialized)
    yaml_emitter_delete (&self->emitter);
  g_string_free (self->output, TRUE);
  g_array_unref (self->frames);
  g_clear_error (&self->error);
  g_free (self);
}

/**
 * lectern_yaml_writer_begin_mapping:
 * @self: a writer
 *
 * Starts a block mapping; its keys and values follow, alternately.
 */
void
lectern_yaml_writer_begin_mapping (LecternYamlWriter *self)
{
  yaml_event_t event;
  Frame frame = FRAME_MAPPING_KEY;
  gboolean is_key;

  g_return_if_fail (self != NULL);

  if (!writer_begin_node (self, &is_key))
    return;

  g_array_append_val (self->frames, frame);

  if (!yaml_mapping_start_event_initialize (&event, NULL, NULL, 1,
                                            YAML_BLOCK_MAPPING_STYLE))
    {
      writer_set_error (self, "Could not create a YAML mapping event");
      return;
    }

  writer_emit (self, &event);
}

/**
 * lectern_yaml_writer_end_mapping:
 * @self: a writer
 *
 * Ends the mapping begun last.
 */
void
lectern_yaml_writer_end_mapping (LecternYamlWriter *self)
{
  yaml_event_t event;
  Frame *top;

  g_return_if_fail (self != NULL);

  if (self->error != NULL)
    return;

  top = writer_top (self);
  if (top == NULL || *top == FRAME_SEQUENCE)
    {
      writer_set_error (self, "end_mapping() without a mapping to end");
      return;
    }
  if (*top == FRAME_MAPPING_VALUE)
    {
      writer_set_error (self, "end_mapping() after a key without a value");
      return;
    }

  g_array_set_size (self->frames, self->frames->len - 1);

  yaml_mapping_end_event_initialize (&event);
  writer_emit (self, &event);
}

/**
 * lectern_yaml_writer_begin_sequence:
 * @self: a writer
 *
 * Starts a block sequence.
 */
void
lectern_yaml_writer_begin_sequence (LecternYamlWriter *self)
{
  yaml_event_t event;
  Frame frame = FRAME_SEQUENCE;
  gboolean is_key;

  g_return_if_fail (self != NULL);

  if (!writer_begin_node (self, &is_key))
    return;

  g_array_append_val (self->frames, frame);

  if (!yaml_sequence_start_event_initialize (&event, NULL, NULL, 1,
                                             YAML_BLOCK_SEQUENCE_STYLE))
    {
      writer_set_error (self, "Could not create a YAML sequence event");
      return;
    }

  writer_emit (self, &event);
}

/**
 * lectern_yaml_writer_end_sequence:
 * @self: a writer
 *
 * Ends the sequence begun last.
 */
void
lectern_yaml_writer_end_sequence (LecternYamlWriter *self)
{
  yaml_event_t event;
  Frame *top;

  g_return_if_fail (self != NULL);

  if (self->error != NULL)
    return;

  top = writer_top (self);
  if (top == NULL || *top != FRAME_SEQUENCE)
    {
      writer_set_error (self, "end_sequence() without a sequence to end");
      return;
    }

  g_array_set_size (self->frames, self->frames->len - 1);

  yaml_sequence_end_event_initialize (&event);
  writer_emit (self, &event);
}

/**
 * lectern_yaml_writer_string:
 * @self: a writer
 * @value: (nullable): a UTF-8 string
 *
 * Writes a string scalar that reads back as exactly @value: plain when that
 * is safe, double-quoted otherwise.  %NULL writes a null: an empty plain
 * scalar (`key:`), or `~` where an empty plain scalar cannot stand (as a
 * mapping key).
 */
void
lectern_yaml_writer_string (LecternYamlWriter *self,
                            const char        *value)
{
  gboolean is_key;

  g_return_if_fail (self != NULL);

  if (value != NULL && !g_str_is_ascii (value) && !g_utf8_validate (value, -1, NULL))
    {
      writer_set_error (self, "A YAML string is not valid UTF-8");
      g_return_if_fail_warning (G_LOG_DOMAIN, G_STRFUNC, "g_utf8_validate (value, -1, NULL)");
      return;
    }

  if (!writer_begin_node (self, &is_key))
    return;

  if (value == NULL)
    writer_scalar (self, is_key ? "~" : "", YAML_PLAIN_SCALAR_STYLE);
  else if (needs_quotes (value))
    writer_scalar (self, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
  else
    writer_scalar (self, value, YAML_PLAIN_SCALAR_STYLE);
}

/**
 * lectern_yaml_writer_raw_plain:
 * @self: a writer
 * @value: a UTF-8 string
 *
 * Writes @value as a plain scalar, for values meant to be typed by the
 * reader, such as the integer `3` or the boolean `true`.  If libyaml could
 * not write @value plain, that is an error.
 */
void
lectern_yaml_writer_raw_plain (LecternYamlWriter *self,
                               const char        *value)
{
  gboolean is_key;

  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  if (!g_utf8_validate (value, -1, NULL))
    writer_set_error (self, "A YAML plain scalar is not valid UTF-8");
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (!writer_begin_node (self, &is_key))
    return;

  if (!libyaml_allows_plain (value, is_key))
    {
      writer_set_error (self, "“%s” cannot be written as a plain YAML scalar",
                        value);
      return;
    }

  writer_scalar (self, value, YAML_PLAIN_SCALAR_STYLE);
}

/**
 * lectern_yaml_writer_pair:
 * @self: a writer
 * @key: a UTF-8 string
 * @value: (nullable): a UTF-8 string
 *
 * Writes a mapping entry: lectern_yaml_writer_string() for @key, then for
 * @value.
 */
void
lectern_yaml_writer_pair (LecternYamlWriter *self,
                          const char        *key,
                          const char        *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  lectern_yaml_writer_string (self, key);
  lectern_yaml_writer_string (self, value);
}

/**
 * lectern_yaml_writer_pair_int:
 * @self: a writer
 * @key: a UTF-8 string
 * @value: an integer
 *
 * Writes a mapping entry whose value is a plain decimal integer.
 */
void
lectern_yaml_writer_pair_int (LecternYamlWriter *self,
                              const char        *key,
                              gint64             value)
{
  char buffer[32];

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);

  lectern_yaml_writer_string (self, key);
  lectern_yaml_writer_raw_plain (self, buffer);
}

/**
 * lectern_yaml_writer_finish:
 * @self: a writer
 * @error: return location for a #GError
 *
 * Ends the document.  Every mapping and sequence must have been ended.
 * Afterwards the writer accepts nothing more; free it.
 *
 * Returns: (transfer full): the document as UTF-8 text, or %NULL with
 *   @error set (%G_IO_ERROR_FAILED) if anything failed along the way
 */
char *
lectern_yaml_writer_finish (LecternYamlWriter  *self,
                            GError            **error)
{
  yaml_event_t event;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->error == NULL && self->frames->len > 0)
    writer_set_error (self, "The YAML document has %u unended %s",
                      self->frames->len,
                      self->frames->len == 1 ? "collection" : "collections");

  if (self->error == NULL && !self->have_root)
    writer_set_error (self, "The YAML document is empty");

  yaml_document_end_event_initialize (&event, 1);
  writer_emit (self, &event);

  yaml_stream_end_event_initialize (&event);
  writer_emit (self, &event);

  if (self->error == NULL && !yaml_emitter_flush (&self->emitter))
    writer_set_emitter_error (self);

  if (self->error == NULL)
    {
      text = g_strndup (self->output->str, self->output->len);
      g_string_truncate (self->output, 0);

      if (self->encoded)
        {
          g_autoptr(GError) local_error = NULL;
          char *decoded = decode_astral (text, &local_error);

          if (decoded == NULL)
            self->error = g_steal_pointer (&local_error);
          g_free (text);
          text = decoded;
        }
    }

  if (self->error == NULL && !g_utf8_validate (text, -1, NULL))
    writer_set_error (self, "libyaml wrote invalid UTF-8");

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }

  /* Latch: the writer is done with. */
  writer_set_error (self, "The YAML writer has already finished");

  return g_steal_pointer (&text);
}

/**
 * lectern_yaml_writer_finish_file:
 * @self: a writer
 * @comment: the file's first line, a YAML comment ("# Written by …"),
 *   newline included
 * @error: return location for a #GError
 *
 * As lectern_yaml_writer_finish(), for a data file of the site: the
 * comment, then the document.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
lectern_yaml_writer_finish_file (LecternYamlWriter  *self,
                                 const char         *comment,
                                 GError            **error)
{
  g_autofree char *yaml = lectern_yaml_writer_finish (self, error);
  char *text;

  if (yaml == NULL)
    return NULL;

  text = g_strconcat (comment, yaml, NULL);
  return g_bytes_new_take (text, strlen (text));
}
