/* lectern-fake-github-git.c: the fake GitHub's git plumbing
 *
 * git run as a child process (an argv array, GIT_DIR in its
 * environment, never a shell), the temporary index file a tree is built
 * in as `git commit` would, and the commit a _MOVE_BRANCH fault pushes
 * behind the client's back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lectern-fake-github-private.h"

/* Git */

gboolean
_lectern_fake_github_is_sha (const char *text)
{
  if (text == NULL || strlen (text) != 40)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* @bytes as a string, "" when there are none */
char *
_lectern_fake_github_bytes_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* A name git may take as a revision without reading anything more into
 * it: a sha or a branch name, never an option or a range.
 */
gboolean
_lectern_fake_github_is_plain_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '-' || name[0] == '/' ||
      g_str_has_suffix (name, "/") || g_str_has_suffix (name, ".lock") ||
      strstr (name, "..") != NULL || strstr (name, "@{") != NULL ||
      strstr (name, "//") != NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || strchr ("~^:?*[\\", *p) != NULL)
      return FALSE;

  return TRUE;
}

/* The environment git runs in: this repository, no user or system
 * configuration, nothing of the caller's GIT_* variables.
 */
char **
_lectern_fake_github_git_environ (const char *git_dir)
{
  g_auto(GStrv) inherited = g_get_environ ();
  GPtrArray *envp = g_ptr_array_new ();

  for (guint i = 0; inherited[i] != NULL; i++)
    if (!g_str_has_prefix (inherited[i], "GIT_"))
      g_ptr_array_add (envp, g_strdup (inherited[i]));
  g_ptr_array_add (envp, g_strconcat ("GIT_DIR=", git_dir, NULL));
  g_ptr_array_add (envp, g_strdup ("GIT_CONFIG_NOSYSTEM=1"));
  g_ptr_array_add (envp, g_strdup ("GIT_CONFIG_GLOBAL=/dev/null"));
  g_ptr_array_add (envp, g_strdup ("GIT_TERMINAL_PROMPT=0"));
  g_ptr_array_add (envp, NULL);

  return (char **) g_ptr_array_free (envp, FALSE);
}

/* Runs git with @argv (argv[0] is "git") in the repository, @input on
 * its standard input, and returns its standard output. With
 * @exit_status, a non-zero exit is the caller's to judge; without, it
 * is an error, with git's own words.
 */
GBytes *
_lectern_fake_github_git_run (LecternFakeGithub  *self,
                              char              **envp,
                              const char * const *argv,
                              GBytes             *input,
                              int                *exit_status,
                              GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  int status;

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_environ (launcher, envp != NULL ? envp : self->envp);
  g_subprocess_launcher_set_cwd (launcher, self->git_dir);

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return NULL;

  if (!g_subprocess_communicate (process, input, NULL, &output, &errors, error))
    return NULL;

  if (!g_subprocess_get_if_exited (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git %s died", argv[1]);
      return NULL;
    }

  status = g_subprocess_get_exit_status (process);
  if (exit_status != NULL)
    *exit_status = status;
  else if (status != 0)
    {
      g_autofree char *text = _lectern_fake_github_bytes_text (errors);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git %s: %s",
                   argv[1], g_strstrip (text));
      return NULL;
    }

  return g_steal_pointer (&output);
}

/* git's standard output as one line without its end; NULL if git failed */
char *
_lectern_fake_github_git_line (LecternFakeGithub  *self,
                               char              **envp,
                               const char * const *argv,
                               GBytes             *input,
                               GError            **error)
{
  g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, envp, argv, input, NULL, error);

  if (output == NULL)
    return NULL;

  return g_strstrip (_lectern_fake_github_bytes_text (output));
}

/* The full sha of @name peeled to @type ("commit", "tree"), or NULL */
char *
_lectern_fake_github_git_resolve (LecternFakeGithub *self,
                                  const char        *name,
                                  const char        *type)
{
  g_autofree char *spec = NULL;
  g_autoptr(GBytes) output = NULL;
  int status = -1;

  if (!_lectern_fake_github_is_plain_name (name))
    return NULL;

  spec = type != NULL ? g_strdup_printf ("%s^{%s}", name, type) : g_strdup (name);
  {
    const char *argv[] = { "git", "rev-parse", "--verify", "-q", spec, NULL };

    output = _lectern_fake_github_git_run (self, NULL, argv, NULL, &status, NULL);
  }
  if (output == NULL || status != 0)
    return NULL;

  return g_strstrip (_lectern_fake_github_bytes_text (output));
}

/* "commit", "tree", "blob", "tag", or NULL when there is no such object */
static char *
git_object_type (LecternFakeGithub *self,
                 const char        *sha)
{
  const char *argv[] = { "git", "cat-file", "-t", sha, NULL };
  g_autoptr(GBytes) output = NULL;
  int status = -1;

  if (!_lectern_fake_github_is_sha (sha))
    return NULL;

  output = _lectern_fake_github_git_run (self, NULL, argv, NULL, &status, NULL);
  if (output == NULL || status != 0)
    return NULL;

  return g_strstrip (_lectern_fake_github_bytes_text (output));
}

gboolean
_lectern_fake_github_git_is_type (LecternFakeGithub *self,
                                  const char        *sha,
                                  const char        *type)
{
  g_autofree char *actual = git_object_type (self, sha);

  return g_strcmp0 (actual, type) == 0;
}

char *
_lectern_fake_github_git_hash_object (LecternFakeGithub  *self,
                                      GBytes             *content,
                                      GError            **error)
{
  const char *argv[] = { "git", "hash-object", "-w", "--stdin", NULL };

  return _lectern_fake_github_git_line (self, NULL, argv, content, error);
}

/* Whether the repository has no branch at all, as a new one on GitHub */
gboolean
_lectern_fake_github_git_is_empty (LecternFakeGithub *self)
{
  const char *argv[] = { "git", "for-each-ref", "--count=1", "refs/heads/", NULL };
  g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, NULL);

  return output != NULL && g_bytes_get_size (output) == 0;
}

void
_lectern_fake_github_temp_index_free (TempIndex *index)
{
  g_autoptr(GDir) dir = g_dir_open (index->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (index->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (index->dir);
  g_free (index->dir);
  g_strfreev (index->envp);
  g_free (index);
}

/* A new index file holding @tree (NULL: empty) */
TempIndex *
_lectern_fake_github_temp_index_new (LecternFakeGithub  *self,
                                     const char         *tree,
                                     GError            **error)
{
  g_autoptr(TempIndex) index = g_new0 (TempIndex, 1);
  g_autofree char *file = NULL;
  g_autoptr(GBytes) output = NULL;

  index->dir = g_dir_make_tmp ("lectern-fake-github-XXXXXX", error);
  if (index->dir == NULL)
    return NULL;

  file = g_build_filename (index->dir, "index", NULL);
  index->envp = g_environ_setenv (g_strdupv (self->envp), "GIT_INDEX_FILE", file, TRUE);

  {
    const char *argv[] = { "git", "read-tree", tree != NULL ? tree : "--empty", NULL };

    output = _lectern_fake_github_git_run (self, index->envp, argv, NULL, NULL, error);
  }
  if (output == NULL)
    return NULL;

  return g_steal_pointer (&index);
}

/* The paths the index holds (files, links, submodules), as a set */
GHashTable *
_lectern_fake_github_temp_index_paths (LecternFakeGithub  *self,
                                       TempIndex          *index,
                                       GError            **error)
{
  const char *argv[] = { "git", "ls-files", "-z", NULL };
  g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, index->envp, argv, NULL, NULL, error);
  GHashTable *paths;
  const char *data;
  gsize size;

  if (output == NULL)
    return NULL;

  paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data = g_bytes_get_data (output, &size);
  for (gsize at = 0; at < size; at += strlen (data + at) + 1)
    g_hash_table_add (paths, g_strndup (data + at, size - at));

  return paths;
}

/* Applies `update-index --index-info` records ("MODE SHA\tPATH\0" each),
 * then writes the tree; returns its sha.
 */
char *
_lectern_fake_github_temp_index_write (LecternFakeGithub  *self,
                                       TempIndex          *index,
                                       GString            *records,
                                       GError            **error)
{
  const char *write_argv[] = { "git", "write-tree", NULL };

  if (records->len > 0)
    {
      const char *argv[] = { "git", "update-index", "-z", "--index-info", NULL };
      g_autoptr(GBytes) input = g_bytes_new (records->str, records->len);
      g_autoptr(GBytes) output = _lectern_fake_github_git_run (self, index->envp, argv, input, NULL, error);

      if (output == NULL)
        return NULL;
    }

  return _lectern_fake_github_git_line (self, index->envp, write_argv, NULL, error);
}

/* Removes from @paths, and from the index through @records, @path and
 * all below it; whether there was anything.
 */
gboolean
_lectern_fake_github_remove_path (GHashTable *paths,
                                  GString    *records,
                                  const char *path)
{
  g_autofree char *dir = g_strconcat (path, "/", NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_equal (key, path) || g_str_has_prefix (key, dir))
      g_ptr_array_add (gone, g_strdup (key));

  for (guint i = 0; i < gone->len; i++)
    {
      const char *one = gone->pdata[i];

      g_string_append_printf (records, "0 " ZERO_SHA "\t%s", one);
      g_string_append_c (records, '\0');
      g_hash_table_remove (paths, one);
    }

  return gone->len > 0;
}

/* Adds a file entry; what stood in its way (a file where a folder of
 * its path is, or a folder where it goes) goes, as in git.
 */
void
_lectern_fake_github_add_path (GHashTable *paths,
                               GString    *records,
                               const char *mode,
                               const char *sha,
                               const char *path)
{
  g_autofree char *parent = g_strdup (path);
  char *slash;

  _lectern_fake_github_remove_path (paths, records, path);
  while ((slash = strrchr (parent, '/')) != NULL)
    {
      *slash = '\0';
      if (g_hash_table_contains (paths, parent))
        _lectern_fake_github_remove_path (paths, records, parent);
    }

  g_string_append_printf (records, "%s %s\t%s", mode, sha, path);
  g_string_append_c (records, '\0');
  g_hash_table_add (paths, g_strdup (path));
}

/* A _MOVE_BRANCH fault: a commit of "intruder-N.txt" on @branch, as if
 * someone had pushed. Returns whether it was made.
 */
gboolean
_lectern_fake_github_move_branch (LecternFakeGithub  *self,
                                  const char         *branch,
                                  GError            **error)
{
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
  g_autofree char *old = _lectern_fake_github_git_resolve (self, ref, NULL);
  g_autofree char *tree = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *new_tree = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *message = NULL;
  g_autoptr(TempIndex) index = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) output = NULL;
  g_auto(GStrv) envp = NULL;

  if (old == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no branch %s to move", branch);
      return FALSE;
    }

  self->n_moves++;
  name = g_strdup_printf ("intruder-%u.txt", self->n_moves);
  text = g_strdup_printf ("Pushed behind the client's back (%u)\n", self->n_moves);
  message = g_strdup_printf ("Intruder %u", self->n_moves);
  tree = _lectern_fake_github_git_resolve (self, old, "tree");

  index = _lectern_fake_github_temp_index_new (self, tree, error);
  if (index == NULL)
    return FALSE;
  paths = _lectern_fake_github_temp_index_paths (self, index, error);
  if (paths == NULL)
    return FALSE;

  content = g_bytes_new (text, strlen (text));
  blob = _lectern_fake_github_git_hash_object (self, content, error);
  if (blob == NULL)
    return FALSE;
  _lectern_fake_github_add_path (paths, records, "100644", blob, name);

  new_tree = _lectern_fake_github_temp_index_write (self, index, records, error);
  if (new_tree == NULL)
    return FALSE;

  envp = g_strdupv (self->envp);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_NAME", "Intruder", TRUE);
  envp = g_environ_setenv (envp, "GIT_AUTHOR_EMAIL", "intruder@example.com", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_NAME", "Intruder", TRUE);
  envp = g_environ_setenv (envp, "GIT_COMMITTER_EMAIL", "intruder@example.com", TRUE);
  {
    const char *argv[] = { "git", "commit-tree", "--no-gpg-sign", new_tree, "-p", old, "-m", message, NULL };

    commit = _lectern_fake_github_git_line (self, envp, argv, NULL, error);
  }
  if (commit == NULL)
    return FALSE;

  {
    const char *argv[] = { "git", "update-ref", ref, commit, old, NULL };

    output = _lectern_fake_github_git_run (self, NULL, argv, NULL, NULL, error);
  }

  return output != NULL;
}
