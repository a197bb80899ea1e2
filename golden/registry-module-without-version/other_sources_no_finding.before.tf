module "local" {
  source = "./modules/app"
}

module "git" {
  source = "git::https://example.com/app.git?ref=v1.0.0"
}

module "github" {
  source = "github.com/acme/app"
}

module "archive" {
  source = "https://example.com/app.zip"
}

module "s3" {
  source = "s3::https://s3-eu-west-1.amazonaws.com/bucket/app.zip"
}
