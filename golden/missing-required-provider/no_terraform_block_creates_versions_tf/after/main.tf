resource "aws_instance" "web" {
  ami = "ami-123"
}

resource "random_pet" "name" {}

module "child" {
  source = "./child"
  providers = {
    google = google.eu
  }
}
