/* lectern-image-picker.c: a photo or logo, as the site will crop it
 *
 * Shows the square the site will get (lectern_site_image_square) and
 * takes a new image from a file chooser or from a file dropped on the
 * editor. The file is read and checked off the main thread: a file that
 * is not an image, or a photo smaller than the site needs, is refused
 * with a message saying why. An accepted image is emitted, as the bytes
 * the site will get, with ::image-chosen; the owner stores it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-image-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-image-picker.h"
#include "lectern-site-image.h"
#include "lectern-ui-util.h"

struct _LecternImagePicker
{
  GtkWidget             parent_instance;

  /* Template Widgets */
  AdwAvatar            *avatar;
  GtkButton            *choose_button;
  GtkButton            *remove_button;
  GtkLabel             *hint_label;

  /* Owned References */
  GBytes               *image;
  GdkTexture           *preview;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *title;

  int                   min_size;
  guint                 editable : 1;
};

G_DEFINE_FINAL_TYPE (LecternImagePicker, lectern_image_picker, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (lectern-image-picker-error-quark, lectern_image_picker_error)

enum {
  IMAGE_CHOSEN,
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reading and checking a file, in a thread */

typedef struct
{
  GFile *file;
  int    min_size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *name = NULL;
  const char *extension;
  GBytes *prepared;
  int width, height;

  name = g_file_get_basename (data->file);

  contents = g_file_load_bytes (data->file, cancellable, NULL, &error);
  if (contents == NULL)
    {
      g_task_return_new_error (task, LECTERN_IMAGE_PICKER_ERROR,
                               LECTERN_IMAGE_PICKER_ERROR_UNREADABLE,
                               /* Translators: %s is a file name, then an error message */
                               _("“%s” could not be read: %s"), name, error->message);
      return;
    }

  pixbuf = lectern_site_image_load (contents, NULL);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, LECTERN_IMAGE_PICKER_ERROR,
                               LECTERN_IMAGE_PICKER_ERROR_NOT_AN_IMAGE,
                               /* Translators: %s is a file name */
                               _("“%s” is not an image Lectern can read. Choose a JPEG or PNG file."),
                               name);
      return;
    }

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  if (MIN (width, height) < data->min_size)
    {
      g_task_return_new_error (task, LECTERN_IMAGE_PICKER_ERROR,
                               LECTERN_IMAGE_PICKER_ERROR_TOO_SMALL,
                               /* Translators: a file name, its width and height, then the minimum, in pixels */
                               _("“%s” is %d × %d pixels. The website needs at least %d pixels "
                                 "on the short side: choose a larger photo."),
                               name, width, height, data->min_size);
      return;
    }

  prepared = lectern_site_image_prepare (contents, &extension, &error);
  if (prepared == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, prepared, (GDestroyNotify) g_bytes_unref);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LecternImagePicker *self = LECTERN_IMAGE_PICKER (object);
  g_autoptr(GBytes) prepared = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading;

  prepared = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (prepared != NULL)
    {
      g_signal_emit (self, signals[IMAGE_CHOSEN], 0, prepared);
      return;
    }

  if (g_error_matches (error, LECTERN_IMAGE_PICKER_ERROR, LECTERN_IMAGE_PICKER_ERROR_TOO_SMALL))
    heading = _("Photo Too Small");
  else if (g_error_matches (error, LECTERN_IMAGE_PICKER_ERROR, LECTERN_IMAGE_PICKER_ERROR_NOT_AN_IMAGE))
    heading = _("Not an Image");
  else
    heading = _("Could Not Use the File");

  g_signal_emit (self, signals[REFUSED], 0, error);
  lectern_ui_show_error (GTK_WIDGET (self), heading, error);
}

/* Signal callbacks */

static void
chooser_response_cb (LecternImagePicker   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lectern_image_picker_load_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (LecternImagePicker *self)
{
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_pixbuf_formats (images);

  self->chooser = gtk_file_chooser_native_new (self->title ? self->title : _("Choose an Image"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_clicked_cb (LecternImagePicker *self)
{
  g_signal_emit (self, signals[IMAGE_CHOSEN], 0, NULL);
}

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         LecternImagePicker *self)
{
  GSList *files;

  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                               "lectern-drop-zone");

  if (!self->editable || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  lectern_image_picker_load_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget      *target,
               double              x,
               double              y,
               LecternImagePicker *self)
{
  if (!self->editable)
    return 0;

  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                            "lectern-drop-zone");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget      *target,
               LecternImagePicker *self)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                               "lectern-drop-zone");
}

/* GObject overrides */

static void
lectern_image_picker_dispose (GObject *object)
{
  LecternImagePicker *self = LECTERN_IMAGE_PICKER (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_IMAGE_PICKER);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->preview);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->image, g_bytes_unref);

  G_OBJECT_CLASS (lectern_image_picker_parent_class)->dispose (object);
}

static void
lectern_image_picker_finalize (GObject *object)
{
  LecternImagePicker *self = LECTERN_IMAGE_PICKER (object);

  g_free (self->title);

  G_OBJECT_CLASS (lectern_image_picker_parent_class)->finalize (object);
}

static void
lectern_image_picker_class_init (LecternImagePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_image_picker_dispose;
  object_class->finalize = lectern_image_picker_finalize;

  /**
   * LecternImagePicker::image-chosen:
   * @picker: the picker
   * @image: (nullable): the image as the site will get it, or %NULL
   *   when the organizer removed the image
   */
  signals[IMAGE_CHOSEN] =
    g_signal_new ("image-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BYTES);

  /**
   * LecternImagePicker::refused:
   * @picker: the picker
   * @error: why the file was refused (shown to the organizer)
   */
  signals[REFUSED] =
    g_signal_new ("refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-image-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternImagePicker, avatar);
  gtk_widget_class_bind_template_child (widget_class, LecternImagePicker, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LecternImagePicker, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LecternImagePicker, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
lectern_image_picker_init (LecternImagePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->editable = TRUE;
  lectern_image_picker_set_image (self, NULL);
}

/* Public API */

/**
 * lectern_image_picker_get_image:
 *
 * Returns: (transfer none) (nullable): the image shown
 */
GBytes *
lectern_image_picker_get_image (LecternImagePicker *self)
{
  g_return_val_if_fail (LECTERN_IS_IMAGE_PICKER (self), NULL);

  return self->image;
}

/**
 * lectern_image_picker_get_preview:
 *
 * Returns: (transfer none) (nullable): the square shown, as the site
 *   will get it
 */
GdkPaintable *
lectern_image_picker_get_preview (LecternImagePicker *self)
{
  g_return_val_if_fail (LECTERN_IS_IMAGE_PICKER (self), NULL);

  return self->preview ? GDK_PAINTABLE (self->preview) : NULL;
}

void
lectern_image_picker_set_image (LecternImagePicker *self,
                                GBytes             *image)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  if (self->image != NULL && image != NULL && g_bytes_equal (self->image, image))
    return;

  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_object (&self->preview);

  if (image != NULL)
    {
      self->image = g_bytes_ref (image);
      self->preview = lectern_ui_square_texture (image, NULL, NULL);
    }

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (self->preview));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->image != NULL);
}

void
lectern_image_picker_set_text (LecternImagePicker *self,
                               const char         *text)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  adw_avatar_set_text (self->avatar, text);
}

void
lectern_image_picker_set_labels (LecternImagePicker *self,
                                 const char         *title,
                                 const char         *choose_label,
                                 const char         *remove_label,
                                 const char         *hint)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  g_free (self->title);
  self->title = g_strdup (title);

  gtk_button_set_label (self->choose_button, choose_label);
  lectern_ui_name_button (GTK_WIDGET (self->choose_button));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_label_set_text (self->hint_label, hint);
}

void
lectern_image_picker_set_min_size (LecternImagePicker *self,
                                   int                 min_size)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  self->min_size = MAX (min_size, 0);
}

void
lectern_image_picker_set_editable (LecternImagePicker *self,
                                   gboolean            editable)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  self->editable = !!editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), editable);
}

/**
 * lectern_image_picker_load_file:
 * @self: a #LecternImagePicker
 * @file: an image file
 *
 * Reads and checks @file off the main thread; then emits ::image-chosen,
 * or ::refused and shows why.
 */
void
lectern_image_picker_load_file (LecternImagePicker *self,
                                GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->min_size = self->min_size;

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, lectern_image_picker_load_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/* Files dropped on @area (the whole editor) go to the picker. */
void
lectern_image_picker_add_drop_target (LecternImagePicker *self,
                                      GtkWidget          *area)
{
  GtkDropTarget *target;

  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));
  g_return_if_fail (GTK_IS_WIDGET (area));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (target));
}

/* The keyboard at Choose…, as when a warning about the missing image leads here */
void
lectern_image_picker_focus (LecternImagePicker *self)
{
  g_return_if_fail (LECTERN_IS_IMAGE_PICKER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}
