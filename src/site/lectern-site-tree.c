/* lectern-site-tree.c: what the site should contain, in memory
 *
 * The tree is rendered from the workshop file once (lectern-site-render.c)
 * and every destination consumes it: the folder export and its dry run,
 * `lectern check --site`, the readiness panel, and the publishers. It
 * holds the files Lectern owns (path -> bytes); a path that is not in
 * the tree is never Lectern's to touch. One file, the home page, is
 * Lectern's only in part: the tree holds Lectern's block, and
 * lectern_site_tree_resolve() places it into the page a destination has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-page.h"
#include "lectern-site-adapt.h"
#include "lectern-site-ical.h"
#include "lectern-site-tree.h"

struct _LecternSiteTree
{
  GObject     parent_instance;

  GPtrArray  *files;     /* LecternSiteFile, in the order rendered */
  GHashTable *by_path;   /* path -> LecternSiteFile */
};

G_DEFINE_FINAL_TYPE (LecternSiteTree, lectern_site_tree, G_TYPE_OBJECT)

static void
site_block_free (LecternSiteBlock *block)
{
  g_free (block->name);
  g_free (block->what);
  g_free (block->heading);
  g_free (block->contents);
  g_free (block);
}

static void
site_file_free (LecternSiteFile *file)
{
  g_free (file->path);
  g_clear_pointer (&file->blocks, g_ptr_array_unref);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_free (file);
}

static void
lectern_site_tree_finalize (GObject *object)
{
  LecternSiteTree *self = (LecternSiteTree *) object;

  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_site_tree_parent_class)->finalize (object);
}

static void
lectern_site_tree_class_init (LecternSiteTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_site_tree_finalize;
}

static void
lectern_site_tree_init (LecternSiteTree *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) site_file_free);
  self->by_path = g_hash_table_new (g_str_hash, g_str_equal);
}

LecternSiteTree *
lectern_site_tree_new (void)
{
  return g_object_new (LECTERN_TYPE_SITE_TREE, NULL);
}

static LecternSiteFile *
insert (LecternSiteTree      *self,
        const char           *path,
        LecternSiteFileKind   kind,
        LecternSiteOwnership  ownership)
{
  LecternSiteFile *file;

  /* a path is rendered once: the renderer dedups shared images */
  g_return_val_if_fail (!g_hash_table_contains (self->by_path, path), NULL);

  file = g_new0 (LecternSiteFile, 1);
  file->path = g_strdup (path);
  file->kind = kind;
  file->ownership = ownership;
  g_ptr_array_add (self->files, file);
  g_hash_table_insert (self->by_path, file->path, file);

  return file;
}

/* A file that is Lectern's, every byte of it. */
void
lectern_site_tree_add (LecternSiteTree     *self,
                       const char          *path,
                       GBytes              *contents,
                       LecternSiteFileKind  kind)
{
  LecternSiteFile *file;

  g_return_if_fail (LECTERN_IS_SITE_TREE (self));
  g_return_if_fail (path != NULL && contents != NULL);

  file = insert (self, path, kind, LECTERN_SITE_OWN_WHOLE);
  if (file != NULL)
    file->contents = g_bytes_ref (contents);
}

/**
 * lectern_site_tree_set_contents:
 *
 * Replaces the bytes of a file Lectern owns whole (a card keeping the
 * site's position, lectern_site_keep_positions()).
 */
void
lectern_site_tree_set_contents (LecternSiteTree *self,
                                const char      *path,
                                GBytes          *contents)
{
  LecternSiteFile *file;

  g_return_if_fail (LECTERN_IS_SITE_TREE (self));

  file = (LecternSiteFile *) lectern_site_tree_lookup (self, path);
  g_return_if_fail (file != NULL && file->ownership == LECTERN_SITE_OWN_WHOLE);

  g_bytes_unref (file->contents);
  file->contents = g_bytes_ref (contents);
}

/* Lectern's block in a page that is the site's: placed between the
 * markers, or the first time under the heading.
 */
void
lectern_site_tree_add_block (LecternSiteTree *self,
                             const char      *path,
                             const char      *block,
                             const char      *heading)
{
  g_return_if_fail (LECTERN_IS_SITE_TREE (self));
  g_return_if_fail (path != NULL && block != NULL && heading != NULL);

  lectern_site_tree_add_named_block (self, path, "schedule", _("the schedule"), heading,
                                     LECTERN_SITE_PLACE_TABLE, block);
}

/**
 * lectern_site_tree_add_named_block:
 * @name: the markers' name ("cfp-dates": <!-- lectern:cfp-dates:begin … -->)
 * @what: what it is, for messages ("the call’s dates")
 * @heading: (nullable): where it goes the first time (see LecternSiteBlock)
 * @block: the block, markers included
 *
 * One of Lectern's blocks in a page that is the site's; a page may have
 * several, placed in the order added.
 */
void
lectern_site_tree_add_named_block (LecternSiteTree  *self,
                                   const char       *path,
                                   const char       *name,
                                   const char       *what,
                                   const char       *heading,
                                   LecternSitePlace  place,
                                   const char       *block)
{
  LecternSiteFile *file;
  LecternSiteBlock *added;

  g_return_if_fail (LECTERN_IS_SITE_TREE (self));
  g_return_if_fail (path != NULL && name != NULL && block != NULL);

  file = g_hash_table_lookup (self->by_path, path);
  if (file == NULL)
    {
      file = insert (self, path, LECTERN_SITE_FILE_PAGE, LECTERN_SITE_OWN_BLOCK);
      file->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) site_block_free);
      /* the first block stands for the page where one is enough */
      file->contents = g_bytes_new (block, strlen (block));
    }
  g_return_if_fail (file->ownership == LECTERN_SITE_OWN_BLOCK);

  added = g_new0 (LecternSiteBlock, 1);
  added->name = g_strdup (name);
  added->what = g_strdup (what);
  added->heading = g_strdup (heading);
  added->place = place;
  added->contents = g_strdup (block);
  g_ptr_array_add (file->blocks, added);
}

guint
lectern_site_tree_get_n_files (LecternSiteTree *self)
{
  g_return_val_if_fail (LECTERN_IS_SITE_TREE (self), 0);

  return self->files->len;
}

const LecternSiteFile *
lectern_site_tree_get_file (LecternSiteTree *self,
                            guint            index)
{
  g_return_val_if_fail (LECTERN_IS_SITE_TREE (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  return g_ptr_array_index (self->files, index);
}

const LecternSiteFile *
lectern_site_tree_lookup (LecternSiteTree *self,
                          const char      *path)
{
  g_return_val_if_fail (LECTERN_IS_SITE_TREE (self), NULL);

  return g_hash_table_lookup (self->by_path, path);
}

/* The folders the tree's files are in ("_projects", "assets/img", …),
 * each once, in the order first met.
 */
GPtrArray *
lectern_site_tree_get_folders (LecternSiteTree *self)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LECTERN_IS_SITE_TREE (self), folders);

  for (guint i = 0; i < self->files->len; i++)
    {
      const LecternSiteFile *file = g_ptr_array_index (self->files, i);
      const char *slash = strrchr (file->path, '/');
      g_autofree char *folder = slash ? g_strndup (file->path, slash - file->path) : g_strdup ("");

      if (!g_ptr_array_find_with_equal_func (folders, folder, g_str_equal, NULL))
        g_ptr_array_add (folders, g_steal_pointer (&folder));
    }

  return folders;
}

/* The bytes the file should have, given the bytes it has (current, or
 * NULL when it does not exist): its contents when it is all Lectern's;
 * for a page, the page with Lectern's block in its place. NULL and an
 * error when the page has no place for the block, or is missing.
 */
GBytes *
lectern_site_tree_resolve (LecternSiteTree        *self,
                           const LecternSiteFile  *file,
                           GBytes                 *current,
                           GError                **error)
{
  g_autofree char *page = NULL;
  char *placed;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (LECTERN_IS_SITE_TREE (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  /* a card the site has: in its own formatting where it means the same */
  if (file->kind == LECTERN_SITE_FILE_CARD && current != NULL)
    return lectern_site_adapt_card (file->contents, current);

  /* the calendar: each event that did not change keeps the stamp the
   * site has, so that an export with nothing new writes nothing */
  if (file->kind == LECTERN_SITE_FILE_PROGRAM && g_str_has_suffix (file->path, ".ics"))
    return lectern_site_ical_keep_stamps (file->contents, current);

  if (file->ownership == LECTERN_SITE_OWN_WHOLE)
    return g_bytes_ref (file->contents);

  if (current == NULL)
    {
      const LecternSiteBlock *first = g_ptr_array_index (file->blocks, 0);

      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   /* Translators: a page's path, then what it should hold, e.g. "the schedule" */
                   _("The site has no %s, which should hold %s. Nothing was written."),
                   file->path, first->what);
      return NULL;
    }

  data = g_bytes_get_data (current, &size);
  if (!g_utf8_validate_len (data ? data : "", size, NULL) ||
      (data != NULL && memchr (data, '\0', size) != NULL))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s is not UTF-8 text. Nothing was written."), file->path);
      return NULL;
    }

  page = g_strndup (data ? data : "", size);
  for (guint i = 0; i < file->blocks->len; i++)
    {
      placed = lectern_site_page_place (file->path, page, g_ptr_array_index (file->blocks, i), error);
      if (placed == NULL)
        return NULL;
      g_free (page);
      page = placed;
    }

  size = strlen (page);
  return g_bytes_new_take (g_steal_pointer (&page), size);
}
