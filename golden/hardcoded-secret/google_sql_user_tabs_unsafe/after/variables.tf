variable "app_password" {
	description = "password of google_sql_user.app (a secret: pass it in, never commit it)."
	type        = string
	sensitive   = true
}
