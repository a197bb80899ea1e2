resource "azurerm_role_assignment" "app_owner" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}

resource "azurerm_role_assignment" "app_reader" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}

resource "azurerm_role_definition" "everything" {
  name  = "everything"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions     = ["*"]
    not_actions = []
  }
}

resource "google_project_iam_member" "app_editor" {
  project = var.project_id
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.app.email}"
}

resource "google_project_iam_binding" "owners" {
  project = var.project_id
  role    = "roles/owner"
  members = ["group:platform@acme.io"]
}

resource "google_project_iam_member" "app_storage" {
  project = var.project_id
  role    = "roles/storage.objectAdmin"
  member  = "serviceAccount:${google_service_account.app.email}"
}
