/* lectern-publish-message.c: a commit message that says what changed
 *
 * The first line names what an organizer changed, in their words
 * ("Schedule: moved 2 talks; Speakers: added Tri Dao"), read from the
 * files themselves: a card's title and category, the slots of
 * `_data/schedule.yml` before and after. Where the old file is not known
 * (a GitHub publish that did not need to read it), it says less rather
 * than guess. The body lists the files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "lectern-publish-message.h"
#include "lectern-site-diff.h"

#define SCHEDULE_DATA "_data/schedule.yml"
#define FIRST_LINE_MAX 100

/* A parsed YAML document, and lookups in its mappings */
typedef struct
{
  yaml_document_t document;
  gboolean        loaded;
} Yaml;

static void
yaml_clear (Yaml *y)
{
  if (y->loaded)
    yaml_document_delete (&y->document);
  y->loaded = FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Yaml, yaml_clear)

static gboolean
yaml_load (Yaml       *y,
           const char *text,
           gsize       len)
{
  yaml_parser_t parser;

  y->loaded = FALSE;
  if (!yaml_parser_initialize (&parser))
    return FALSE;
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  y->loaded = yaml_parser_load (&parser, &y->document) != 0;
  yaml_parser_delete (&parser);

  if (y->loaded && yaml_document_get_root_node (&y->document) == NULL)
    yaml_clear (y);

  return y->loaded;
}

static yaml_node_t *
yaml_lookup (Yaml        *y,
             yaml_node_t *mapping,
             const char  *key)
{
  if (mapping == NULL || mapping->type != YAML_MAPPING_NODE)
    return NULL;

  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *k = yaml_document_get_node (&y->document, pair->key);

      if (k != NULL && k->type == YAML_SCALAR_NODE &&
          strlen (key) == k->data.scalar.length &&
          memcmp (k->data.scalar.value, key, k->data.scalar.length) == 0)
        return yaml_document_get_node (&y->document, pair->value);
    }

  return NULL;
}

static char *
yaml_text (Yaml        *y,
           yaml_node_t *mapping,
           const char  *key)
{
  yaml_node_t *node = yaml_lookup (y, mapping, key);

  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;

  return g_strndup ((const char *) node->data.scalar.value, node->data.scalar.length);
}

/* The front matter of a card: its name (the title without its markup)
 * and its category. FALSE if it has none that can be read.
 */
static gboolean
read_card (GBytes  *bytes,
           char   **name,
           char   **category_out)
{
  g_autoptr(GHashTable) front = lectern_site_read_front_matter (bytes);
  const char *category;

  if (front == NULL)
    return FALSE;

  category = g_hash_table_lookup (front, "category");
  *category_out = g_strdup (category != NULL && *category != '\0' ? category : "none");
  /* "<b>Tri</b> <br> Dao" -> "Tri Dao" */
  *name = lectern_site_plain_text (g_hash_table_lookup (front, "title"));
  return TRUE;
}

/* One slot of `_data/schedule.yml`, as far as telling moves apart goes */
typedef struct
{
  char *key;      /* kind and title: what stays when a slot moves */
  char *when;     /* date and start */
  char *rest;     /* everything else, serialized */
  char *kind;
  gboolean matched;
} Slot;

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_free (slot->key);
  g_free (slot->when);
  g_free (slot->rest);
  g_free (slot->kind);
  g_free (slot);
}

static void
serialize (Yaml        *y,
           yaml_node_t *node,
           GString     *out)
{
  if (node == NULL)
    return;

  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      g_string_append_len (out, (const char *) node->data.scalar.value, node->data.scalar.length);
      g_string_append_c (out, '\x1f');
      break;
    case YAML_SEQUENCE_NODE:
      g_string_append_c (out, '[');
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top; item++)
        serialize (y, yaml_document_get_node (&y->document, *item), out);
      g_string_append_c (out, ']');
      break;
    case YAML_MAPPING_NODE:
      g_string_append_c (out, '{');
      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
           pair < node->data.mapping.pairs.top; pair++)
        {
          yaml_node_t *key = yaml_document_get_node (&y->document, pair->key);

          /* where and when a slot is are not what makes it itself */
          if (key != NULL && key->type == YAML_SCALAR_NODE &&
              (strcmp ((const char *) key->data.scalar.value, "time") == 0 ||
               strcmp ((const char *) key->data.scalar.value, "start") == 0 ||
               strcmp ((const char *) key->data.scalar.value, "end") == 0))
            continue;
          serialize (y, key, out);
          serialize (y, yaml_document_get_node (&y->document, pair->value), out);
        }
      g_string_append_c (out, '}');
      break;
    case YAML_NO_NODE:
    default:
      break;
    }
}

/* The slots of a schedule file, or NULL if it cannot be read */
static GPtrArray *
read_schedule (GBytes *bytes)
{
  g_auto(Yaml) y = { 0 };
  g_autoptr(GPtrArray) slots = NULL;
  yaml_node_t *days;
  gsize len;
  const char *text = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  if (text == NULL || !yaml_load (&y, text, len))
    return NULL;

  days = yaml_lookup (&y, yaml_document_get_root_node (&y.document), "days");
  if (days == NULL || days->type != YAML_SEQUENCE_NODE)
    return NULL;

  slots = g_ptr_array_new_with_free_func (slot_free);
  for (yaml_node_item_t *d = days->data.sequence.items.start; d < days->data.sequence.items.top; d++)
    {
      yaml_node_t *day = yaml_document_get_node (&y.document, *d);
      yaml_node_t *list = yaml_lookup (&y, day, "slots");
      g_autofree char *date = yaml_text (&y, day, "date");

      if (list == NULL || list->type != YAML_SEQUENCE_NODE)
        continue;

      for (yaml_node_item_t *s = list->data.sequence.items.start; s < list->data.sequence.items.top; s++)
        {
          yaml_node_t *node = yaml_document_get_node (&y.document, *s);
          g_autofree char *title = yaml_text (&y, node, "title");
          g_autofree char *start = yaml_text (&y, node, "start");
          g_autofree char *end = yaml_text (&y, node, "end");
          Slot *slot = g_new0 (Slot, 1);
          GString *rest = g_string_new (end);

          slot->kind = yaml_text (&y, node, "kind");
          slot->key = g_strdup_printf ("%s\x1f%s", slot->kind ? slot->kind : "", title ? title : "");
          slot->when = g_strdup_printf ("%s %s", date ? date : "", start ? start : "");
          serialize (&y, node, rest);
          slot->rest = g_string_free (rest, FALSE);
          g_ptr_array_add (slots, slot);
        }
    }

  return g_steal_pointer (&slots);
}

static gboolean
kind_is_talk (const char *kind)
{
  return g_strcmp0 (kind, "talk") == 0 || g_strcmp0 (kind, "oral") == 0 ||
         g_strcmp0 (kind, "contributed") == 0 || g_strcmp0 (kind, "keynote") == 0;
}

typedef struct
{
  guint n;
  gboolean all_talks;
} Count;

static void
count_add (Count      *count,
           const char *kind)
{
  if (count->n == 0)
    count->all_talks = TRUE;
  count->n++;
  count->all_talks = count->all_talks && kind_is_talk (kind);
}

static void
count_describe (GPtrArray   *parts,
                const char  *verb,
                const Count *count)
{
  if (count->n == 0)
    return;

  g_ptr_array_add (parts, g_strdup_printf ("%s %u %s", verb, count->n,
                                           count->all_talks
                                           ? (count->n == 1 ? "talk" : "talks")
                                           : (count->n == 1 ? "slot" : "slots")));
}

/* "moved 2 talks, added 1 slot", or NULL if it cannot be told */
static char *
describe_schedule (GBytes *old,
                   GBytes *contents)
{
  g_autoptr(GPtrArray) before = read_schedule (old);
  g_autoptr(GPtrArray) after = read_schedule (contents);
  g_autoptr(GPtrArray) parts = NULL;
  Count moved = { 0 }, added = { 0 }, removed = { 0 }, changed = { 0 };

  if (before == NULL || after == NULL)
    return NULL;

  for (guint i = 0; i < after->len; i++)
    {
      Slot *now = g_ptr_array_index (after, i);
      Slot *was = NULL;

      /* the same slot where it was, else the same slot elsewhere */
      for (guint pass = 0; pass < 2 && was == NULL; pass++)
        for (guint j = 0; j < before->len && was == NULL; j++)
          {
            Slot *candidate = g_ptr_array_index (before, j);

            if (!candidate->matched && strcmp (candidate->key, now->key) == 0 &&
                (pass == 1 || strcmp (candidate->when, now->when) == 0))
              was = candidate;
          }

      if (was == NULL)
        {
          count_add (&added, now->kind);
          continue;
        }

      was->matched = TRUE;
      if (strcmp (was->when, now->when) != 0)
        count_add (&moved, now->kind);
      else if (strcmp (was->rest, now->rest) != 0)
        count_add (&changed, now->kind);
    }

  for (guint j = 0; j < before->len; j++)
    {
      Slot *was = g_ptr_array_index (before, j);

      if (!was->matched)
        count_add (&removed, was->kind);
    }

  parts = g_ptr_array_new_with_free_func (g_free);
  count_describe (parts, "moved", &moved);
  count_describe (parts, "added", &added);
  count_describe (parts, "removed", &removed);
  count_describe (parts, "changed", &changed);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static const char *
category_title (const char *category)
{
  static const struct { const char *category; const char *title; } titles[] = {
    { "speaker", "Speakers" },
    { "panelist", "Panelists" },
    { "organizer", "Organizers" },
    { "sponsor", "Sponsors" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (category, titles[i].category) == 0)
      return titles[i].title;

  return "Cards";
}

/* Sections in the order they first appear: title -> verb -> names */
typedef struct
{
  GPtrArray  *order;      /* section titles */
  GHashTable *sections;   /* title -> GPtrArray of "verb\x1fname" */
} Sections;

static void
sections_add (Sections   *s,
              const char *title,
              const char *verb,
              const char *name)
{
  GPtrArray *items = g_hash_table_lookup (s->sections, title);

  if (items == NULL)
    {
      items = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (s->sections, g_strdup (title), items);
      g_ptr_array_add (s->order, g_strdup (title));
    }
  g_ptr_array_add (items, name != NULL ? g_strdup_printf ("%s\x1f%s", verb, name) : g_strdup (verb));
}

/* "added Tri Dao and Dan Fu, updated Léa Dubois" */
static char *
section_text (const char *title,
              GPtrArray  *items,
              gboolean    brief)
{
  const char *noun = g_strcmp0 (title, "Sponsors") == 0 ? "sponsors"
                     : g_strcmp0 (title, "Cards") == 0 || g_strcmp0 (title, "Site") == 0 ? "files"
                     : "people";
  static const char *verbs[] = { "added", "removed", "updated" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < items->len; i++)
        {
          const char *item = g_ptr_array_index (items, i);
          gsize n = strlen (verbs[v]);

          if (strncmp (item, verbs[v], n) == 0 && item[n] == '\x1f')
            g_ptr_array_add (names, (gpointer) (item + n + 1));
        }

      if (names->len == 0)
        continue;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s ", verbs[v]);
      if (brief && names->len > 1)
        g_string_append_printf (text, "%u %s", names->len, noun);
      else
        for (guint i = 0; i < names->len; i++)
          g_string_append_printf (text, "%s%s", i == 0 ? "" : i + 1 == names->len ? " and " : ", ",
                                  (const char *) g_ptr_array_index (names, i));
    }

  /* sections whose items are whole phrases ("moved 2 talks") */
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (strchr (item, '\x1f') == NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", item);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
first_line (Sections *s,
            gboolean  brief)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < s->order->len; i++)
    {
      const char *title = g_ptr_array_index (s->order, i);
      g_autofree char *text = section_text (title, g_hash_table_lookup (s->sections, title), brief);

      g_string_append_printf (line, "%s%s: %s", i == 0 ? "" : "; ", title, text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
describe_card (Sections                   *s,
               const LecternPublishChange *change)
{
  g_autofree char *name = NULL, *category = NULL;
  g_autofree char *old_name = NULL, *old_category = NULL;
  gboolean have_old = change->old_known && change->old != NULL &&
                      read_card (change->old, &old_name, &old_category);

  if (!read_card (change->contents, &name, &category))
    {
      sections_add (s, "Cards", change->is_new ? "added" : "updated", change->path);
      return;
    }

  if (change->is_new)
    sections_add (s, category_title (category), "added", name);
  else if (have_old && g_strcmp0 (old_category, category) != 0 && g_strcmp0 (category, "none") == 0)
    sections_add (s, category_title (old_category), "removed", name);
  else if (have_old && g_strcmp0 (old_category, category) != 0)
    {
      sections_add (s, category_title (category), "added", name);
      if (g_strcmp0 (old_category, "none") != 0)
        sections_add (s, category_title (old_category), "removed", old_name);
    }
  else
    sections_add (s, category_title (category), "updated", name);
}

char *
lectern_publish_message_build (GPtrArray *changes)
{
  Sections s;
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *line = NULL;
  gboolean schedule_said = FALSE;
  gboolean program_changed = FALSE;
  guint n_new_images = 0, n_images = 0;

  g_return_val_if_fail (changes != NULL, NULL);

  s.order = g_ptr_array_new_with_free_func (g_free);
  s.sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);

  /* the schedule first: it is what changes most */
  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      if (strcmp (change->path, SCHEDULE_DATA) == 0)
        {
          g_autofree char *what = change->old_known
            ? describe_schedule (change->old, change->contents) : NULL;

          sections_add (&s, "Schedule",
                        what != NULL ? what : change->is_new ? "first published" : "updated", NULL);
          schedule_said = TRUE;
        }
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      switch (change->kind)
        {
        case LECTERN_SITE_FILE_CARD:
          describe_card (&s, change);
          break;
        case LECTERN_SITE_FILE_IMAGE:
          n_images++;
          n_new_images += change->is_new;
          break;
        case LECTERN_SITE_FILE_PAGE:
          /* the page's block is the schedule's table */
          if (!schedule_said)
            sections_add (&s, "Schedule", "updated", NULL);
          schedule_said = TRUE;
          break;
        case LECTERN_SITE_FILE_PROGRAM:
          program_changed = TRUE;
          break;
        case LECTERN_SITE_FILE_DATA:
        default:
          if (strcmp (change->path, SCHEDULE_DATA) != 0)
            sections_add (&s, "Site", "updated", change->path);
          break;
        }
    }

  /* the calendar and the apps' files follow the schedule, and need no
   * words of their own when it is said; else (a speaker renamed) */
  if (program_changed && !schedule_said)
    sections_add (&s, "Calendar and app files", "updated", NULL);

  if (n_images > 0)
    {
      g_autofree char *images = NULL;

      if (n_new_images > 0 && n_new_images < n_images)
        images = g_strdup_printf ("%u new, %u replaced", n_new_images, n_images - n_new_images);
      else
        images = g_strdup_printf ("%u %s", n_images, n_new_images > 0 ? "new" : "replaced");
      sections_add (&s, "Images", images, NULL);
    }

  line = first_line (&s, FALSE);
  if (g_utf8_strlen (line, -1) > FIRST_LINE_MAX)
    {
      g_free (line);
      line = first_line (&s, TRUE);
    }
  if (*line == '\0')
    {
      g_free (line);
      line = g_strdup ("Update the site");
    }

  g_string_append (message, line);
  g_string_append (message, "\n\n");
  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      g_string_append_printf (message, "%-8s %s\n", change->is_new ? "new" : "changed", change->path);
    }
  g_string_append (message, "\nPublished with Lectern from the workshop file.\n");

  g_ptr_array_unref (s.order);
  g_hash_table_unref (s.sections);

  return g_string_free (g_steal_pointer (&message), FALSE);
}
