/* lectern-yaml-writer.h - a small block-style YAML writer over libyaml's emitter
 *
 * Copyright 2025 The Lectern authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LecternYamlWriter:
 *
 * Writes exactly one block-style YAML document (no `---` or `...` markers)
 * through libyaml's event emitter.  YAML text is never put together by hand.
 *
 * String scalars are written plain when that is both allowed by libyaml and
 * read back as the identical string by a YAML 1.1 reader (Ruby's Psych, as
 * used by Jekyll), and double-quoted otherwise.  Lines are never folded and
 * non-ASCII text, including emoji, is written as UTF-8.
 *
 * Errors latch: the first failure (from libyaml, or an unbalanced
 * begin/end) is kept, every later call is a no-op, and
 * lectern_yaml_writer_finish() reports it.
 */
typedef struct _LecternYamlWriter LecternYamlWriter;

LecternYamlWriter *lectern_yaml_writer_new            (void);
void               lectern_yaml_writer_free           (LecternYamlWriter *self);

void               lectern_yaml_writer_begin_mapping  (LecternYamlWriter *self);
void               lectern_yaml_writer_end_mapping    (LecternYamlWriter *self);
void               lectern_yaml_writer_begin_sequence (LecternYamlWriter *self);
void               lectern_yaml_writer_end_sequence   (LecternYamlWriter *self);

void               lectern_yaml_writer_string         (LecternYamlWriter *self,
                                                       const char        *value);
void               lectern_yaml_writer_raw_plain      (LecternYamlWriter *self,
                                                       const char        *value);
void               lectern_yaml_writer_pair           (LecternYamlWriter *self,
                                                       const char        *key,
                                                       const char        *value);
void               lectern_yaml_writer_pair_int       (LecternYamlWriter *self,
                                                       const char        *key,
                                                       gint64             value);

char              *lectern_yaml_writer_finish         (LecternYamlWriter *self,
                                                       GError           **error);
GBytes            *lectern_yaml_writer_finish_file    (LecternYamlWriter *self,
                                                       const char        *comment,
                                                       GError           **error);

gboolean           lectern_yaml_string_needs_quotes   (const char        *value);
gboolean           lectern_yaml_string_matches_implicit (const char      *value,
                                                         gboolean         prefilter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternYamlWriter, lectern_yaml_writer_free)

G_END_DECLS
