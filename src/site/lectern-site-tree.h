/* lectern-site-tree.h: what the site should contain, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-site-page.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_SITE_FILE_CARD,
  LECTERN_SITE_FILE_IMAGE,
  LECTERN_SITE_FILE_PAGE,
  LECTERN_SITE_FILE_DATA,
  LECTERN_SITE_FILE_PROGRAM,   /* the calendar and conference-app files */
} LecternSiteFileKind;

typedef enum
{
  LECTERN_SITE_OWN_WHOLE,    /* every byte of the file is Lectern's */
  LECTERN_SITE_OWN_BLOCK,    /* only the block between Lectern's markers */
} LecternSiteOwnership;

/* One file of the tree. For LECTERN_SITE_OWN_BLOCK, blocks are
 * Lectern's blocks, placed in order into the page the site has
 * (lectern_site_tree_resolve), and contents is the first of them.
 */
typedef struct
{
  char                 *path;        /* relative to the site's root, '/'-separated */
  GBytes               *contents;
  LecternSiteFileKind   kind;
  LecternSiteOwnership  ownership;
  GPtrArray            *blocks;      /* OWN_BLOCK: LecternSiteBlock, placed in order */
} LecternSiteFile;

#define LECTERN_TYPE_SITE_TREE (lectern_site_tree_get_type ())

G_DECLARE_FINAL_TYPE (LecternSiteTree, lectern_site_tree, LECTERN, SITE_TREE, GObject)

LecternSiteTree       *lectern_site_tree_new         (void);
void                   lectern_site_tree_add         (LecternSiteTree      *self,
                                                      const char           *path,
                                                      GBytes               *contents,
                                                      LecternSiteFileKind   kind);
void                   lectern_site_tree_set_contents (LecternSiteTree     *self,
                                                      const char           *path,
                                                      GBytes               *contents);
void                   lectern_site_tree_add_block   (LecternSiteTree      *self,
                                                      const char           *path,
                                                      const char           *block,
                                                      const char           *heading);
void                   lectern_site_tree_add_named_block (LecternSiteTree  *self,
                                                          const char       *path,
                                                          const char       *name,
                                                          const char       *what,
                                                          const char       *heading,
                                                          LecternSitePlace  place,
                                                          const char       *block);
guint                  lectern_site_tree_get_n_files (LecternSiteTree      *self);
const LecternSiteFile *lectern_site_tree_get_file    (LecternSiteTree      *self,
                                                      guint                 index);
const LecternSiteFile *lectern_site_tree_lookup      (LecternSiteTree      *self,
                                                      const char           *path);
GPtrArray             *lectern_site_tree_get_folders (LecternSiteTree      *self);
GBytes                *lectern_site_tree_resolve     (LecternSiteTree      *self,
                                                      const LecternSiteFile *file,
                                                      GBytes               *current,
                                                      GError              **error);

G_END_DECLS
