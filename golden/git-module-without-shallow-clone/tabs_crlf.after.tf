module "app" {
	source = "git::https://example.com/app.git?depth=1&ref=v0.3.0"
	name   = "app"
}
