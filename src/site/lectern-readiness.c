/* lectern-readiness.c: what the site would show wrong
 *
 * Checked before an export, so that organizers see it in Lectern rather
 * than on the live site: a card without photo, affiliation or link; a
 * card in a category the home page does not list (it silently
 * disappears); two card files whose names differ only in case (they
 * collide on a case-insensitive checkout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-readiness"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "lectern-exporter.h"
#include "lectern-site-folder.h"
#include "lectern-entity.h"
#include "lectern-readiness.h"
#include "lectern-site-cfp.h"
#include "lectern-site-page.h"
#include "lectern-store-cfp.h"
#include "lectern-schedule-checks.h"

void
lectern_readiness_item_free (LecternReadinessItem *item)
{
  if (item == NULL)
    return;

  g_free (item->message);
  g_free (item->slug);
  g_free (item);
}

static LecternReadinessItem *
add_item (GPtrArray             *items,
          LecternReadinessLevel  level,
          const char            *slug,
          gint64                 person_id,
          char                  *message)
{
  LecternReadinessItem *item = g_new0 (LecternReadinessItem, 1);

  item->level = level;
  item->slug = g_strdup (slug);
  item->person_id = person_id;
  item->message = message;
  g_ptr_array_add (items, item);

  return item;
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || s[0] == '\0';
}

/* The categories the page's Liquid loops list:
 * `where: "category", "speaker"` (either quote style).
 */
GPtrArray *
lectern_site_shown_categories (const char *page)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *categories = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (page != NULL, categories);

  regex = g_regex_new ("where\\s*:\\s*[\"']category[\"']\\s*,\\s*[\"']([^\"']+)[\"']", 0, 0, NULL);
  g_regex_match (regex, page, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *category = g_match_info_fetch (match, 1);

      if (!g_ptr_array_find_with_equal_func (categories, category, g_str_equal, NULL))
        g_ptr_array_add (categories, g_steal_pointer (&category));
      g_match_info_next (match, NULL);
    }

  return categories;
}

/* The category of a card of the site (any card, Lectern's or not), read
 * with libyaml; NULL when it has none or is not readable.
 */
static char *
read_card_category (GBytes *bytes)
{
  gsize size = 0;
  const char *text = g_bytes_get_data (bytes, &size);
  const char *start;
  const char *end;
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  char *category = NULL;

  if (text == NULL || size < 3 || strncmp (text, "---", 3) != 0)
    return NULL;

  start = memchr (text, '\n', size);
  if (start == NULL)
    return NULL;
  start++;
  end = g_strstr_len (start, text + size - start, "\n---");
  if (end == NULL)
    return NULL;

  if (!yaml_parser_initialize (&parser))
    return NULL;
  yaml_parser_set_input_string (&parser, (const unsigned char *) start, end - start + 1);

  if (yaml_parser_load (&parser, &doc))
    {
      root = yaml_document_get_root_node (&doc);
      if (root != NULL && root->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
             pair < root->data.mapping.pairs.top; pair++)
          {
            yaml_node_t *k = yaml_document_get_node (&doc, pair->key);
            yaml_node_t *v = yaml_document_get_node (&doc, pair->value);

            if (k->type == YAML_SCALAR_NODE && v->type == YAML_SCALAR_NODE &&
                strcmp ((const char *) k->data.scalar.value, "category") == 0)
              category = g_strndup ((const char *) v->data.scalar.value, v->data.scalar.length);
          }
      yaml_document_delete (&doc);
    }
  yaml_parser_delete (&parser);

  return category;
}

static void
check_site (LecternSiteFolder *site,
            GHashTable        *our_slugs,
            GPtrArray         *items)
{
  g_autoptr(GBytes) page_bytes = lectern_site_folder_read (site, LECTERN_SITE_PAGE, NULL);
  g_autofree char *page = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) names = NULL;

  if (page_bytes == NULL)
    return;

  page = g_strndup (g_bytes_get_data (page_bytes, NULL), g_bytes_get_size (page_bytes));
  shown = lectern_site_shown_categories (page);

  /* our own cards: their categories come from the roles */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, our_slugs);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const char *category = value;

        if (category == NULL || g_str_equal (category, "none"))
          continue;
        if (!g_ptr_array_find_with_equal_func (shown, category, g_str_equal, NULL))
          add_item (items, LECTERN_READINESS_ERROR, key, 0,
                    g_strdup_printf (_("The card “%s” is in the category “%s”, which the home page does not list: it will not be shown."),
                                     (const char *) key, category));
      }
  }

  names = lectern_site_folder_list (site, "_projects", NULL);
  for (guint i = 0; names && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *slug = NULL;
      g_autofree char *lower = NULL;
      const char *other;

      if (!g_str_has_suffix (name, ".md") || lectern_site_is_temporary_name (name))
        continue;

      slug = g_strndup (name, strlen (name) - 3);
      lower = g_ascii_strdown (slug, -1);

      other = g_hash_table_lookup (folded, lower);
      if (other != NULL)
        add_item (items, LECTERN_READINESS_ERROR, slug, 0,
                  g_strdup_printf (_("The card files “%s.md” and “%s.md” differ only in case: they collide on Windows and macOS checkouts."),
                                   other, slug));
      else
        g_hash_table_insert (folded, g_strdup (lower), g_strdup (slug));

      /* a hand-made card in a category the page does not list */
      if (!g_hash_table_contains (our_slugs, slug))
        {
          g_autofree char *path = g_strconcat ("_projects/", name, NULL);
          g_autoptr(GBytes) card = lectern_site_folder_read (site, path, NULL);
          g_autofree char *category = card ? read_card_category (card) : NULL;

          if (category != NULL && !g_str_equal (category, "none") &&
              !g_ptr_array_find_with_equal_func (shown, category, g_str_equal, NULL))
            add_item (items, LECTERN_READINESS_ERROR, slug, 0,
                      g_strdup_printf (_("The site’s card “%s” is in the category “%s”, which the home page does not list: it will not be shown."),
                                       slug, category));
        }
    }

  /* a card of ours whose slug only differs in case from a site file */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, our_slugs);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autofree char *lower = g_ascii_strdown (key, -1);
        const char *existing = g_hash_table_lookup (folded, lower);

        if (existing != NULL && strcmp (existing, key) != 0)
          add_item (items, LECTERN_READINESS_ERROR, key, 0,
                    g_strdup_printf (_("The card “%s” would collide with the site’s “%s.md”, whose name differs only in case."),
                                     (const char *) key, existing));
      }
  }
}

/* Items, most serious first. site may be NULL: then only what the
 * workshop file itself tells.
 */
/* The call for papers: its own checks (lectern_cfp_check()), and the
 * home page still announcing a call whose deadline has passed (an
 * export writes the right sentence). item->field "cfp" leads to the
 * Call for Papers page. */
static gboolean
check_cfp (LecternStore       *store,
           LecternSiteFolder  *site,
           GPtrArray          *items,
           GError            **error)
{
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, error);
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (cfp == NULL || !(dates = lectern_store_list_cfp_dates (store, error)))
    return FALSE;

  problems = lectern_cfp_check (cfp, dates);
  for (guint i = 0; i < problems->len; i++)
    add_item (items, LECTERN_READINESS_WARNING, NULL, 0, g_strdup (g_ptr_array_index (problems, i)))->field = "cfp";

  if (site != NULL && lectern_cfp_get_state (cfp, dates, now) == LECTERN_CFP_CLOSED)
    {
      g_autoptr(GBytes) home = lectern_site_folder_read (site, LECTERN_SITE_PAGE, NULL);
      g_autofree char *text = home != NULL ? g_strndup (g_bytes_get_data (home, NULL), g_bytes_get_size (home)) : NULL;
      guint first = 0;
      g_autofree char *block = text != NULL ? lectern_site_page_find_block (text, "cfp-announcement", &first) : NULL;
      if (lectern_site_cfp_announces_open (block))
        add_item (items, LECTERN_READINESS_ERROR, NULL, 0,
                  g_strdup (_("The home page still says submissions are open, but the deadline has passed: export the site to update it.")))->field = "cfp";
    }

  return TRUE;
}

GPtrArray *
lectern_readiness_check (LecternStore       *store,
                         LecternSiteFolder  *site,
                         GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_readiness_item_free);
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GHashTable) our_slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  if (!(cards = lectern_store_list_cards (store, -1, error)) ||
      !(sponsors = lectern_store_list_sponsors (store, error)))
    return NULL;

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);
      LecternPerson *person = lectern_card_get_person (card);
      const char *slug = lectern_card_get_slug (card);
      const char *name = lectern_person_get_name (person);
      gint64 id = lectern_person_get_id (person);
      gboolean archived = lectern_card_get_archived (card);

      g_hash_table_insert (our_slugs, g_strdup (slug),
                           g_strdup (archived ? "none" : lectern_role_get_site_category (lectern_card_get_role (card))));

      if (archived)
        continue;

      if (is_empty (lectern_person_get_image_path (person)) && lectern_person_get_photo (person) == NULL)
        add_item (items, LECTERN_READINESS_WARNING, slug, id,
                  g_strdup_printf (_("%s has no photo: the card will show no picture."), name))->field = "photo";
      if (is_empty (lectern_person_get_affiliation (person)))
        add_item (items, LECTERN_READINESS_WARNING, slug, id,
                  g_strdup_printf (_("%s has no affiliation."), name))->field = "affiliation";
      if (is_empty (lectern_person_get_homepage (person)))
        add_item (items, LECTERN_READINESS_WARNING, slug, id,
                  g_strdup_printf (_("%s has no link: the card will open an empty page."), name))->field = "homepage";
    }

  n = g_list_model_get_n_items (sponsors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (sponsors, i);
      const char *slug = lectern_sponsor_get_slug (sponsor);

      g_hash_table_insert (our_slugs, g_strdup (slug),
                           g_strdup (lectern_sponsor_get_archived (sponsor) ? "none" : "sponsor"));

      if (lectern_sponsor_get_archived (sponsor))
        continue;

      if (is_empty (lectern_sponsor_get_logo_path (sponsor)) && lectern_sponsor_get_logo (sponsor) == NULL)
        {
          LecternReadinessItem *item = add_item (items, LECTERN_READINESS_WARNING, slug, 0,
                                                 g_strdup_printf (_("The sponsor %s has no logo."),
                                                                  lectern_sponsor_get_name (sponsor)));

          item->sponsor_id = lectern_object_get_id (sponsor);
          item->field = "logo";
        }
      if (is_empty (lectern_sponsor_get_url (sponsor)))
        {
          LecternReadinessItem *item = add_item (items, LECTERN_READINESS_WARNING, slug, 0,
                                                 g_strdup_printf (_("The sponsor %s has no link."),
                                                                  lectern_sponsor_get_name (sponsor)));

          item->sponsor_id = lectern_object_get_id (sponsor);
          item->field = "url";
        }
    }

  if (site != NULL)
    check_site (site, our_slugs, items);

  /* the schedule's checks: a blocking one is an error (the export
   * refuses it), a warning a warning; ignored ones are not listed */
  {
    g_autoptr(LecternScheduleFacts) facts = lectern_schedule_facts_read (store, error);
    g_autoptr(GPtrArray) problems = NULL;

    if (facts == NULL)
      return NULL;
    problems = lectern_schedule_check (facts, NULL);
    for (guint i = 0; i < problems->len; i++)
      {
        LecternProblem *problem = g_ptr_array_index (problems, i);
        LecternReadinessItem *item;

        item = add_item (items, problem->severity == LECTERN_SEVERITY_BLOCK ? LECTERN_READINESS_ERROR
                                                                            : LECTERN_READINESS_WARNING,
                         NULL, problem->person_id, g_strdup (problem->message));
        item->check = lectern_check_to_string (problem->check);
        item->slot_id = problem->slot_id;
      }
  }

  if (!check_cfp (store, site, items, error))
    return NULL;

  /* errors first, then in the order found */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_readiness_item_free);

    for (int level = LECTERN_READINESS_ERROR; level >= LECTERN_READINESS_WARNING; level--)
      for (guint i = 0; i < items->len; i++)
        {
          LecternReadinessItem *item = g_ptr_array_index (items, i);

          if (item != NULL && (int) item->level == level)
            g_ptr_array_add (sorted, g_steal_pointer (&items->pdata[i]));
        }

    return g_steal_pointer (&sorted);
  }
}
