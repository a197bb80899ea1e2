terraform {
  # Remote state, one bucket per environment.
  backend "s3" {
    # The bucket name carries the environment suffix.
    bucket = "tf-state-${var.env}" # one per env
    key    = "app/terraform.tfstate"

    /* locking */
    dynamodb_table = "tf-locks-${var.env}"
    region         = "eu-west-1" // Ireland
  }
}
