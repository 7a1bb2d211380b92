/* lectern-export-result.c: what an export found, and what it did
 *
 * One object for the outcome of comparing the site tree with a
 * destination (and of writing it there): each file Lectern owns with
 * whether it is new, changed or unchanged, and the temporary files an
 * interrupted export left behind. The CLI, the window's toast and the
 * export dialog all report from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-export-result"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-result.h"

struct _LecternExportResult
{
  GObject    parent_instance;

  GPtrArray *files;       /* LecternExportFile */
  GPtrArray *leftovers;   /* char *, relative paths */
  gboolean   written;
  guint      n_renumbered;
  char      *renumbering; /* why cards are numbered again, or NULL */
};

G_DEFINE_FINAL_TYPE (LecternExportResult, lectern_export_result, G_TYPE_OBJECT)

G_DEFINE_QUARK (lectern-export-error-quark, lectern_export_error)

static void
export_file_free (LecternExportFile *file)
{
  g_free (file->path);
  g_free (file->reason);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_free (file);
}

static void
lectern_export_result_finalize (GObject *object)
{
  LecternExportResult *self = (LecternExportResult *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->leftovers, g_ptr_array_unref);
  g_free (self->renumbering);

  G_OBJECT_CLASS (lectern_export_result_parent_class)->finalize (object);
}

static void
lectern_export_result_class_init (LecternExportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_export_result_finalize;
}

static void
lectern_export_result_init (LecternExportResult *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) export_file_free);
  self->leftovers = g_ptr_array_new_with_free_func (g_free);
}

LecternExportResult *
lectern_export_result_new (void)
{
  return g_object_new (LECTERN_TYPE_EXPORT_RESULT, NULL);
}

void
lectern_export_result_add_file (LecternExportResult *self,
                                const char          *path,
                                GBytes              *contents,
                                LecternSiteFileKind  kind,
                                LecternExportChange  change)
{
  LecternExportFile *file;

  g_return_if_fail (LECTERN_IS_EXPORT_RESULT (self));
  g_return_if_fail (path != NULL && contents != NULL);

  file = g_new0 (LecternExportFile, 1);
  file->path = g_strdup (path);
  file->contents = g_bytes_ref (contents);
  file->kind = kind;
  file->change = change;
  g_ptr_array_add (self->files, file);
}

/* A temporary file an interrupted export left in the site. */
void
lectern_export_result_add_leftover (LecternExportResult *self,
                                    const char          *path)
{
  g_return_if_fail (LECTERN_IS_EXPORT_RESULT (self));

  g_ptr_array_add (self->leftovers, g_strdup (path));
}

/* LecternExportFile, every file Lectern owns, in the tree's order. */
GPtrArray *
lectern_export_result_get_files (LecternExportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), NULL);

  return self->files;
}

GPtrArray *
lectern_export_result_get_leftovers (LecternExportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), NULL);

  return self->leftovers;
}

/* The files that are new or changed. */
guint
lectern_export_result_count_changes (LecternExportResult *self)
{
  guint n = 0;

  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), 0);

  for (guint i = 0; i < self->files->len; i++)
    if (((LecternExportFile *) g_ptr_array_index (self->files, i))->change != LECTERN_EXPORT_UNCHANGED)
      n++;

  return n;
}

void
lectern_export_result_set_written (LecternExportResult *self,
                                   gboolean             written)
{
  g_return_if_fail (LECTERN_IS_EXPORT_RESULT (self));

  self->written = written;
}

/* Whether the changes were written (not a preview or a check). */
gboolean
lectern_export_result_get_written (LecternExportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), FALSE);

  return self->written;
}

/* "new _projects/ann.md" lines, for a dry run; "" when nothing changes. */
char *
lectern_export_result_describe (LecternExportResult *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (self->files, i);

      if (file->change == LECTERN_EXPORT_NEW)
        g_string_append_printf (out, "new      %s\n", file->path);
      else if (file->change == LECTERN_EXPORT_CHANGED && file->reason != NULL)
        g_string_append_printf (out, "changed  %s: %s\n", file->path, file->reason);
      else if (file->change == LECTERN_EXPORT_CHANGED)
        g_string_append_printf (out, "changed  %s\n", file->path);
    }

  for (guint i = 0; i < self->leftovers->len; i++)
    g_string_append_printf (out, "removed  %s\n", (const char *) g_ptr_array_index (self->leftovers, i));

  if (self->renumbering != NULL)
    g_string_append_printf (out, "\n%s\n", self->renumbering);

  return g_string_free (out, FALSE);
}

static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, part);
}

/* "3 cards updated, schedule unchanged": what an export did, for a toast. */
char *
lectern_export_result_summarize (LecternExportResult *self)
{
  guint cards_new = 0, cards_changed = 0, images = 0;
  gboolean schedule = FALSE;
  GString *out;

  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (self->files, i);

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      if (file->kind == LECTERN_SITE_FILE_CARD && file->change == LECTERN_EXPORT_NEW)
        cards_new++;
      else if (file->kind == LECTERN_SITE_FILE_CARD)
        cards_changed++;
      else if (file->kind == LECTERN_SITE_FILE_IMAGE)
        images++;
      else
        schedule = TRUE;
    }

  if (cards_new == 0 && cards_changed == 0 && images == 0 && !schedule)
    return g_strdup (self->leftovers->len > 0 ? _("The site is up to date; temporary files of an interrupted export removed")
                                              : _("The site is up to date"));

  out = g_string_new (NULL);
  if (cards_new > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u card added", "%u cards added", cards_new),
                            cards_new);
  if (cards_changed > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card updated", "%u cards updated", cards_changed),
                                               cards_changed);
      append_part (out, part);
    }
  if (images > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image written", "%u images written", images),
                                               images);
      append_part (out, part);
    }
  append_part (out, schedule ? _("schedule updated") : _("schedule unchanged"));

  return g_string_free (out, FALSE);
}

/* What `lectern check --site` reports: each file that is missing or
 * differs from the workshop file, and each temporary file left by an
 * interrupted export.
 */
GPtrArray *
lectern_export_result_list_problems (LecternExportResult *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), problems);

  for (guint i = 0; i < self->files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (self->files, i);

      if (file->change == LECTERN_EXPORT_NEW)
        g_ptr_array_add (problems, g_strdup_printf (_("%s is missing from the site"), file->path));
      else if (file->change == LECTERN_EXPORT_CHANGED)
        g_ptr_array_add (problems, g_strdup_printf (_("%s differs from the workshop file"), file->path));
    }

  for (guint i = 0; i < self->leftovers->len; i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("%s is a temporary file left by an interrupted export; the next export removes it"),
                                      (const char *) g_ptr_array_index (self->leftovers, i)));

  return problems;
}

/* Several cards are numbered again (their position is all that
 * changes): @why says why, in words.
 */
void
lectern_export_result_set_renumbering (LecternExportResult *self,
                                       guint                n_cards,
                                       const char          *why)
{
  g_return_if_fail (LECTERN_IS_EXPORT_RESULT (self));

  self->n_renumbered = n_cards;
  g_free (self->renumbering);
  self->renumbering = g_strdup (why);
}

const char *
lectern_export_result_get_renumbering (LecternExportResult *self,
                                       guint               *n_cards)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (self), NULL);

  if (n_cards != NULL)
    *n_cards = self->n_renumbered;
  return self->renumbering;
}
